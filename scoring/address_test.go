package scoring

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"already normal", "ann@brightlane.example", "ann@brightlane.example"},
		{"empty", "", ""},
		{"only white space", " \t\n\u00a0\u2003", ""},
		{"ASCII white space", "\t ann@brightlane.example \r\n", "ann@brightlane.example"},
		{"no-break and em spaces", "\u00a0ann@brightlane.example\u2003", "ann@brightlane.example"},
		{"zero-width space is not white space", "ann@brightlane.example\u200b", "ann@brightlane.example\u200b"},
		{"display name", "Ann <A@B.example>", "a@b.example"},
		{"quoted display name", `"Lee, Ann" <Ann.Lee@Brightlane.EXAMPLE>`, "ann.lee@brightlane.example"},
		{"inside trimmed again", "Ann <\u00a0 ann@b.example\t>", "ann@b.example"},
		{"outer trimmed before the '>' test", "\u2003Ann <ann@b.example>\u00a0\n", "ann@b.example"},
		{"last '<' wins", "Ann <old@x.example> <new@y.example>", "new@y.example"},
		{"nested '<'", "Ann <<ann@b.example>", "ann@b.example"},
		{"'<' inside the name", "a<b <c@d.example>", "c@d.example"},
		{"empty brackets", "Ann <>", ""},
		{"brackets of white space", "Ann <\u2003>", ""},
		{"ends with '>' without '<'", "ann@b.example>", "ann@b.example>"},
		{"'<' without final '>'", "Ann <ann@b.example", "ann <ann@b.example"},
		{"text after '>'", "Ann <ann@b.example> x", "ann <ann@b.example> x"},
		{"mixed case", "MiXeD@CaSe.Example", "mixed@case.example"},
		{"non-ASCII lower-cased", "ÄNN@ÜBER.EXAMPLE", "änn@über.example"},
		// strings.ToLower maps the Kelvin sign to ASCII 'k', so this one becomes valid.
		{"Kelvin sign", "\u212aim@B.example", "kim@b.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.raw); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

// validCases are normalised addresses with their verdict under §2's pattern;
// the fuzz target starts from them.
var validCases = []struct {
	addr  string
	valid bool
}{
	{"a@b.example", true},
	{"ann.lee+crm@brightlane.example", true},
	{"!#$%&'*+/=?^_`{|}~.-@x.example", true},
	{".a..b.@c.example", true}, // the pattern allows any dots in the local part
	{"a@1.2", true},
	{"a@b.c.d.example", true},
	{"a@b--c.example", true},
	{"a@x-1.example", true},
	{"x@eu.brightlane.example", true},
	{"", false},
	{"@b.example", false},
	{"a", false},
	{"a@", false},
	{"a@b", false},
	{"a@b.", false},
	{"a@.b", false},
	{"a@b..c", false},
	{"a@-b.example", false},
	{"a@b-.example", false},
	{"a@b.-c", false},
	{"a@b.c-", false},
	{"a@b_c.example", false},
	{"a@@b.example", false},
	{"a@b@c.example", false},
	{"A@b.example", false},
	{"a@B.example", false},
	{"a b@c.example", false},
	{"a@b.example ", false},
	{"a@b.example\n", false},
	{"\"a\"@b.example", false},
	{"(a)@b.example", false},
	{"a,b@c.example", false},
	{"a@[192.0.2.1]", false},
	{"ä@b.example", false},
	{"a@bü.example", false},
	{"a\xff@b.example", false},
	{"a\x00@b.example", false},
	{"<a@b.example>", false},
}

// pattern is §2's address pattern, verbatim.
var pattern = regexp.MustCompile("^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$")

func TestValid(t *testing.T) {
	for _, tt := range validCases {
		if got := Valid(tt.addr); got != tt.valid {
			t.Errorf("Valid(%q) = %v, want %v", tt.addr, got, tt.valid)
		}
		// Guards the table itself: a case the pattern disagrees with is a typo here.
		if re := pattern.MatchString(tt.addr); re != tt.valid {
			t.Errorf("pattern on %q = %v, table says %v", tt.addr, re, tt.valid)
		}
	}
}

// randomAddress draws strings near the boundary of the pattern: most are
// shaped like local@label.label from characters the pattern allows, with an
// occasional one it does not; the rest are free-form.
func randomAddress(r *rand.Rand) string {
	local := []string{"a", "z", "0", "9", ".", "-", "+", "!", "~"}
	label := []string{"a", "z", "0", "9", "a", "z", "0", "9", "-"}
	bad := []string{"@", "_", "A", " ", "\n", "ä", "\xff", "<", ">", "."}
	pick := func(from []string) string {
		if r.IntN(25) == 0 {
			return bad[r.IntN(len(bad))]
		}
		return from[r.IntN(len(from))]
	}
	var b strings.Builder
	if r.IntN(5) == 0 {
		for range r.IntN(12) {
			b.WriteString(pick(append(local, bad...)))
		}
		return b.String()
	}
	for range 1 + r.IntN(4) {
		b.WriteString(pick(local))
	}
	b.WriteByte('@')
	for i := range 1 + r.IntN(3) {
		if i > 0 {
			b.WriteByte('.')
		}
		for range r.IntN(5) {
			b.WriteString(pick(label))
		}
	}
	return b.String()
}

func TestValidAgreesWithPattern(t *testing.T) {
	r := rand.New(rand.NewPCG(2025, 1))
	var valid, invalid int
	for range 50_000 {
		s := randomAddress(r)
		got, want := Valid(s), pattern.MatchString(s)
		if got != want {
			t.Fatalf("Valid(%q) = %v, pattern says %v", s, got, want)
		}
		if want {
			valid++
		} else {
			invalid++
		}
	}
	// Without both outcomes in bulk the comparison above would prove little.
	if valid < 5_000 || invalid < 5_000 {
		t.Fatalf("generator drew %d valid and %d invalid strings; want at least 5000 of each", valid, invalid)
	}
}

func FuzzValid(f *testing.F) {
	for _, tt := range validCases {
		f.Add(tt.addr)
	}
	f.Add("Ann <Ann@Brightlane.example>")
	f.Add("\u212aim@b.example")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Valid(s), pattern.MatchString(s); got != want {
			t.Errorf("Valid(%q) = %v, pattern says %v", s, got, want)
		}
		n := Normalize(s)
		if got, want := Valid(n), pattern.MatchString(n); got != want {
			t.Errorf("Valid(Normalize(%q)) = Valid(%q) = %v, pattern says %v", s, n, got, want)
		}
		if Normalize(n) != n {
			t.Errorf("Normalize is not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
	})
}
