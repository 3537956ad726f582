package drafts

import (
	"errors"
	"strings"
	"testing"
)

// FuzzRender feeds arbitrary template text to Parse. A rejected template must
// be an ErrTemplate; an accepted one must render the example, since Parse
// promised it would, with a one-line subject; and when it compiles, the
// compiled program must render every data variant exactly as text/template.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		DefaultText,
		"Subject: x\n\nok",
		"Subject: {{.Lead.FullName}}\r\n\r\n{{with .Owner}}{{.Title}}{{end}}",
		"{{define \"s\"}}{{.Title}}{{end}}Subject: a\n\n{{template \"s\" .Owner}}",
		"Subject: {{printf \"%s\\n%s\" .Lead.Email .Lead.Company}}\n\nx",
		"Subject: {{.Connection.LastInteraction.Format \"2006\"}}\n\n{{range .Connection.Meetings}}{{.}}{{end}}",
		"Subject: {{score .Connection.Score}}\n\n{{if .Lead.Phone}}x{{end}}",
		"Subject: {{or .Lead.Company .Lead.Email \"-\"}}\n\n{{with .Owner}}{{.Title}}{{else}}{{and .Lead.Email .Lead.FullName}}{{end}}",
		"Subject: {{if not .Connection.Calls}}{{.Connection.Score}}{{else with .Connection.LastInteraction}}{{.}}{{end}}\n\n{{.Introducer.Email}}",
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
		if tmpl.prog != nil {
			for _, d := range dataVariants() {
				renderBoth(t, tmpl, d)
			}
		}
	})
}
