package drafts

import (
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
)

// renderBoth renders d through the compiled program and through
// text/template and fails the test if they differ in any way.
func renderBoth(t *testing.T, tmpl *Template, d Data) {
	t.Helper()
	if tmpl.prog == nil {
		t.Fatalf("%s: not compiled", tmpl.name)
	}
	subject, body, err := tmpl.Render(d)
	wantSubject, wantBody, wantErr := tmpl.renderText(d.clean())
	if subject != wantSubject || body != wantBody || (err == nil) != (wantErr == nil) ||
		err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("%s with %+v:\ncompiled      %q / %q / %v\ntext/template %q / %q / %v",
			tmpl.name, d, subject, body, err, wantSubject, wantBody, wantErr)
	}
}

// dataVariants reaches both sides of every branch a template can take on a
// field: set, empty, blank, zero and odd values.
func dataVariants() []Data {
	ex := Example()
	blank := Data{
		Lead:       Lead{FullName: "  ", Email: " \n", Company: "\t"},
		Introducer: Person{FirstName: " "},
		Connection: Connection{Score: math.Copysign(0, -1)},
	}
	odd := ex
	odd.Lead.FullName = "Zoë\r\nO'Brien <x>"
	odd.Lead.Company = "Acme\u2028& Söhne"
	odd.Connection.Score = 100
	odd.Connection.LastInteraction = time.Date(1999, 12, 31, 23, 59, 59, 999, time.FixedZone("x", 3600))
	odd.Connection.EmailsSent = -3
	nan := ex
	nan.Connection.Score = math.NaN()
	nan.Connection.Meetings = 0
	return []Data{ex, {}, blank, odd, nan}
}

func TestCompiledMatchesTextTemplate(t *testing.T) {
	texts := map[string]string{
		"default": DefaultText,
		"fields": "Subject: {{.Lead.FullName}} {{.Lead.FirstName}} {{.Lead.Email}} {{.Lead.Company}} {{.Lead.RecordType}}\n\n" +
			"{{.Introducer.FullName}}|{{.Introducer.FirstName}}|{{.Introducer.Email}}|{{.Introducer.Title}}\n" +
			"{{.Owner.FullName}}|{{.Owner.FirstName}}|{{.Owner.Email}}|{{.Owner.Title}}\n" +
			"{{.Connection.Score}} {{.Connection.Band}} {{.Connection.LastInteraction}} " +
			"{{.Connection.EmailsSent}} {{.Connection.EmailsReceived}} {{.Connection.Meetings}} {{.Connection.Calls}}",
		"branches": "Subject: {{if .Lead.Company}}{{.Lead.Company}}{{else if .Lead.Email}}{{.Lead.Email}}{{else}}none{{end}}\n\n" +
			"{{with .Owner}}{{.Title}}: {{with .FirstName}}{{.}}{{else}}?{{end}}{{end}}\n" +
			"{{if not .Connection.Meetings}}no meetings{{else}}{{.Connection.Meetings}} meetings{{end}}\n" +
			"{{with .Connection.Score}}{{.}}{{else}}zero{{end}} {{with .Connection.LastInteraction}}{{.}}{{end}}\n" +
			"{{and .Lead.FullName .Lead.Company}}|{{or .Lead.Company \"n/a\"}}|{{not .Lead.Email}}|{{and .Connection.Calls .Connection.Meetings}}\n" +
			"{{with .Lead.Company}}{{else with .Lead.Email}}by mail {{.}}{{end}}\n" +
			"{{- /* a comment */ -}}\n  {{ score .Connection.Score -}}  \n{{date .Connection.LastInteraction}}",
	}
	for name, text := range texts {
		tmpl, err := Parse(name, text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, d := range dataVariants() {
			renderBoth(t, tmpl, d)
		}
	}
}

func TestCompileLeavesTheRestToTextTemplate(t *testing.T) {
	for _, text := range []string{
		"Subject: {{range $i := .Connection.Meetings}}{{$i}}{{end}}\n\nx",
		"Subject: {{printf \"%s!\" .Lead.Email}}\n\nx",
		"Subject: {{.Lead.Email | printf \"%s\"}}\n\nx",
		"Subject: {{$x := .Lead.Email}}{{$x}}\n\nx",
		"Subject: {{$.Lead.Email}}\n\nx",
		"Subject: {{.Connection.LastInteraction.Format \"2006\"}}\n\nx",
		"Subject: {{.Connection.LastInteraction.Year}}\n\nx",
		"Subject: {{or .Lead.Email .Connection.Calls}}\n\nx",
		"Subject: {{.Lead}}\n\nx",
		"{{define \"s\"}}{{.Title}}{{end}}Subject: a\n\n{{template \"s\" .Owner}}",
		"Subject: {{if eq .Lead.RecordType \"lead\"}}l{{end}}\n\nx",
	} {
		tmpl, err := Parse("t", text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if tmpl.prog != nil {
			t.Errorf("%q was compiled; it needs text/template", text)
		}
		if _, _, err := tmpl.Render(Example()); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

func TestCompiledOutputLimit(t *testing.T) {
	tmpl, err := Parse("t", "Subject: x\n\n{{.Lead.Company}}")
	if err != nil {
		t.Fatal(err)
	}
	d := Example()
	big := make([]byte, maxOutput)
	for i := range big {
		big[i] = 'a'
	}
	d.Lead.Company = string(big)
	renderBoth(t, tmpl, d)
	if _, _, err := tmpl.Render(d); err == nil {
		t.Fatal("a draft over the limit rendered")
	}
}

// A template that names a huge field many times stops growing its output
// once past the limit, as text/template's writer does.
func TestCompiledOutputLimitStopsEarly(t *testing.T) {
	tmpl, err := Parse("t", "Subject: x\n\n"+strings.Repeat("{{with .Lead}}{{.Company}}{{end}}", 200))
	if err != nil {
		t.Fatal(err)
	}
	d := Example()
	d.Lead.Company = strings.Repeat("a", maxOutput/2)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err = tmpl.Render(d)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("a draft over the limit rendered")
	}
	// 200 copies would be 100 MiB; the limit is crossed at the third.
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 16<<20 {
		t.Fatalf("rendering allocated %d MiB", grown>>20)
	}
}

func BenchmarkRender(b *testing.B) {
	tmpl := Default()
	d := Example()
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tmpl.Render(d)
		}
	})
	b.Run("text-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tmpl.renderText(d.clean())
		}
	})
}
