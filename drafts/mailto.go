package drafts

import "strings"

// Mailto builds an RFC 6068 mailto: URL that opens the draft in the user's
// mail program: "mailto:" + to + "?subject=" + subject + "&body=" + body.
// Every byte except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) is
// percent-encoded, so a space is %20 and never '+', which mail programs would
// show literally; the address also keeps '@'. Line breaks in the body are sent
// as CR LF (%0D%0A), as RFC 6068 asks.
func Mailto(to, subject, body string) string {
	b := make([]byte, 0, len("mailto:?subject=&body=")+3*(len(to)+len(subject)+len(body)+strings.Count(body, "\n")))
	b = append(b, "mailto:"...)
	b = escape(b, to, true)
	b = append(b, "?subject="...)
	b = escape(b, subject, false)
	b = append(b, "&body="...)
	// Line breaks go out as CRLF, whatever the template used.
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '\r':
			if i+1 < len(body) && body[i+1] == '\n' {
				i++
			}
			b = append(b, "%0D%0A"...)
		case c == '\n':
			b = append(b, "%0D%0A"...)
		case keepByte[c] == 1:
			b = append(b, c)
		default:
			b = append(b, '%', hexDigits[c>>4], hexDigits[c&0x0F])
		}
	}
	return string(b)
}

const hexDigits = "0123456789ABCDEF"

// keepByte marks the bytes a mailto URL carries as they are: RFC 3986's
// unreserved characters (1), and '@' in the address (2).
var keepByte = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			t[c] = 1
		case c == '@':
			t[c] = 2
		}
	}
	return t
}()

// escape percent-encodes s onto b, keeping unreserved characters, and '@'
// when at is set.
func escape(b []byte, s string, at bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if k := keepByte[c]; k == 1 || k == 2 && at {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hexDigits[c>>4], hexDigits[c&0x0F])
	}
	return b
}
