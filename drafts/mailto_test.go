package drafts

import (
	"net/url"
	"strings"
	"testing"
)

func TestMailto(t *testing.T) {
	tests := []struct {
		name, to, subject, body, want string
	}{
		{"plain", "ann@acme.example", "Hi", "Hello",
			"mailto:ann@acme.example?subject=Hi&body=Hello"},
		{"reserved characters, spaces and non-ASCII",
			"ann+sales&co@acme.example", "Q&A? #1 50% a+b", "Line 1\nCafé é",
			"mailto:ann%2Bsales%26co@acme.example?subject=Q%26A%3F%20%231%2050%25%20a%2Bb&body=Line%201%0D%0ACaf%C3%A9%20%C3%A9"},
		{"every line break becomes CR LF", "a@b.example", "s", "a\r\nb\rc\n",
			"mailto:a@b.example?subject=s&body=a%0D%0Ab%0D%0Ac%0D%0A"},
		{"unreserved characters stay, the address's other specials do not",
			"o'neil!x/y=z{1}@b.example", "A-Z_a.z~0", "=+;,",
			"mailto:o%27neil%21x%2Fy%3Dz%7B1%7D@b.example?subject=A-Z_a.z~0&body=%3D%2B%3B%2C"},
		{"empty", "", "", "", "mailto:?subject=&body="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mailto(tt.to, tt.subject, tt.body); got != tt.want {
				t.Errorf("Mailto(%q, %q, %q) =\n%s\nwant\n%s", tt.to, tt.subject, tt.body, got, tt.want)
			}
		})
	}
}

// A mail program decodes the link with an ordinary URL parser; the default
// draft must come back intact, with CR LF line breaks.
func TestMailtoRoundTrip(t *testing.T) {
	subject, body, err := Default().Render(Example())
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	to := "bob+intros@wkw.example"
	link := Mailto(to, subject, body)
	if strings.ContainsAny(link, " +\n") {
		t.Errorf("link %q holds a space, '+' or a newline", link)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("parse link: %v", err)
	}
	if u.Scheme != "mailto" || u.Opaque != "bob%2Bintros@wkw.example" {
		t.Errorf("scheme %q, opaque %q", u.Scheme, u.Opaque)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatalf("parse query: %v", err)
	}
	if got := q.Get("subject"); got != subject {
		t.Errorf("subject = %q, want %q", got, subject)
	}
	if got, want := q.Get("body"), strings.ReplaceAll(body, "\n", "\r\n"); got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}
