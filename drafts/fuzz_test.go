package drafts

import (
	"errors"
	"strings"
	"testing"
)

// FuzzRender feeds arbitrary template text to Parse. A rejected template must
// be an ErrTemplate; an accepted one must render the example, since Parse
// promised it would, with a one-line subject.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		DefaultText,
		"Subject: x\n\nok",
		"Subject: {{.Lead.FullName}}\r\n\r\n{{with .Owner}}{{.Title}}{{end}}",
		"{{define \"s\"}}{{.Title}}{{end}}Subject: a\n\n{{template \"s\" .Owner}}",
		"Subject: {{printf \"%s\\n%s\" .Lead.Email .Lead.Company}}\n\nx",
		"Subject: {{.Connection.LastInteraction.Format \"2006\"}}\n\n{{range .Connection.Meetings}}{{.}}{{end}}",
		"Subject: {{score .Connection.Score}}\n\n{{if .Lead.Phone}}x{{end}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tmpl, err := Parse("fuzz.txt", text)
		if err != nil {
			if !errors.Is(err, ErrTemplate) {
				t.Fatalf("Parse error %v is not an ErrTemplate", err)
			}
			return
		}
		subject, _, err := tmpl.Render(Example())
		if err != nil {
			t.Fatalf("Parse accepted the template, Render(Example()) failed: %v", err)
		}
		if strings.ContainsAny(subject, "\r\n") {
			t.Fatalf("subject %q spans lines", subject)
		}
	})
}
