package scoring

import "strings"

// Normalize applies the contract's address normalisation: trim Unicode white
// space; when the text ends with '>' and contains '<', keep what lies between
// the last '<' and that final '>', trimmed again; lower-case it. It does not
// validate; see Valid.
//
// Already-normal input is returned without allocating, which is the common
// case on the hot path.
func Normalize(raw string) string {
	s := strings.TrimSpace(raw)
	if n := len(s); n > 0 && s[n-1] == '>' {
		if lt := strings.LastIndexByte(s, '<'); lt >= 0 {
			s = strings.TrimSpace(s[lt+1 : n-1])
		}
	}
	return strings.ToLower(s)
}

// localChar marks the bytes allowed in the local part by the contract's
// address pattern.
var localChar = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "!#$%&'*+/=?^_`{|}~.-" {
		t[c] = true
	}
	return t
}()

// Valid reports whether a normalised address matches the contract's pattern
//
//	^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$
//
// It is written out by hand because it runs once per address occurrence;
// a test checks it against the regular expression.
func Valid(a string) bool {
	at := strings.IndexByte(a, '@')
	if at <= 0 {
		return false
	}
	for i := 0; i < at; i++ {
		if !localChar[a[i]] {
			return false
		}
	}
	labels := 0
	start := at + 1
	for i := start; i <= len(a); i++ {
		if i < len(a) && a[i] != '.' {
			c := a[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
			continue
		}
		if i == start || a[start] == '-' || a[i-1] == '-' {
			return false
		}
		labels++
		start = i + 1
	}
	return labels >= 2
}

// Domain returns the part of a valid address after its '@'.
func Domain(a string) string {
	return a[strings.IndexByte(a, '@')+1:]
}
