package drafts

import "strings"

// Mailto builds an RFC 6068 mailto: URL that opens the draft in the user's
// mail program: "mailto:" + to + "?subject=" + subject + "&body=" + body.
// Every byte except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) is
// percent-encoded, so a space is %20 and never '+', which mail programs would
// show literally; the address also keeps '@'. Line breaks in the body are sent
// as CR LF (%0D%0A), as RFC 6068 asks.
func Mailto(to, subject, body string) string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	body = strings.ReplaceAll(body, "\n", "\r\n")
	var b strings.Builder
	b.Grow(len("mailto:?subject=&body=") + 3*(len(to)+len(subject)+len(body)))
	b.WriteString("mailto:")
	escape(&b, to, '@')
	b.WriteString("?subject=")
	escape(&b, subject, 0)
	b.WriteString("&body=")
	escape(&b, body, 0)
	return b.String()
}

// escape percent-encodes s into b, keeping unreserved characters and keep
// (0 keeps nothing else).
func escape(b *strings.Builder, s string, keep byte) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) || (keep != 0 && c == keep) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0x0F])
	}
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
