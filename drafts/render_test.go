package drafts

import (
	"reflect"
	"testing"
	"time"
)

const defaultAsk = "\n\nWould you be open to a short intro by email? I'm happy to send you a few lines you can forward.\n\nThanks,\nCarol"

func TestRenderDefault(t *testing.T) {
	noName := Example()
	noName.Lead.FullName = ""
	noName.Lead.Company = ""
	noName.Introducer.FirstName = ""
	noName.Connection.Score = 41.26
	noName.Connection.Band = "moderate"
	noName.Connection.LastInteraction = time.Date(2024, time.December, 31, 23, 59, 59, 0, time.UTC)

	neverInTouch := Example()
	neverInTouch.Connection.Score = 3.04
	neverInTouch.Connection.Band = "weak"
	neverInTouch.Connection.LastInteraction = time.Time{}

	tests := []struct {
		name          string
		d             Data
		subject, body string
	}{
		{
			name:    "example",
			d:       Example(),
			subject: "Could you introduce me to Ann Lee?",
			body: "Hi Bob,\n\nI'd love to get introduced to Ann Lee at Acme Corp, and you look like one of the best " +
				"people on the team to ask: your connection with them is strong (score 72.5 out of 100) and you " +
				"were last in touch on 3 March 2025." + defaultAsk,
		},
		{
			name:    "no lead name, no company, no introducer first name",
			d:       noName,
			subject: "Could you introduce me to ann.lee@acme.example?",
			body: "Hi,\n\nI'd love to get introduced to ann.lee@acme.example, and you look like one of the best " +
				"people on the team to ask: your connection with them is moderate (score 41.3 out of 100) and you " +
				"were last in touch on 31 December 2024." + defaultAsk,
		},
		{
			name:    "no last interaction",
			d:       neverInTouch,
			subject: "Could you introduce me to Ann Lee?",
			body: "Hi Bob,\n\nI'd love to get introduced to Ann Lee at Acme Corp, and you look like one of the best " +
				"people on the team to ask: your connection with them is weak (score 3.0 out of 100)." + defaultAsk,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subject, body, err := Default().Render(tt.d)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if subject != tt.subject {
				t.Errorf("subject = %q, want %q", subject, tt.subject)
			}
			if body != tt.body {
				t.Errorf("body =\n%q\nwant\n%q", body, tt.body)
			}
		})
	}
}

func TestRenderCustom(t *testing.T) {
	tests := []struct {
		name, text    string
		subject, body string
	}{
		{
			name:    "CRLF line ends, padded subject, trailing white space",
			text:    "Subject:   Intro please \r\n\r\nLine one\r\nLine two  \r\n\r\n",
			subject: "Intro please",
			body:    "Line one\nLine two",
		},
		{
			name:    "lone CR line ends",
			text:    "Subject: Intro\r\rA\rB",
			subject: "Intro",
			body:    "A\nB",
		},
		{
			name:    "leading white space and inner blank lines of the body are kept",
			text:    "Subject:x\n\n  indented\n\n\nend\n\n",
			subject: "x",
			body:    "  indented\n\n\nend",
		},
		{
			name:    "counts and a time method",
			text:    "Subject: {{.Lead.RecordType}} {{.Connection.LastInteraction.Format \"2006-01-02\"}}\n\n{{.Connection.EmailsSent}}/{{.Connection.EmailsReceived}}/{{.Connection.Meetings}}/{{.Connection.Calls}}",
			subject: "lead 2025-03-03",
			body:    "12/9/3/1",
		},
		{
			name:    "methods through a pointer result",
			text:    "Subject: {{.Connection.LastInteraction.Year}}\n\n{{.Connection.LastInteraction.Location.String}}",
			subject: "2025",
			body:    "UTC",
		},
		{
			name:    "with changes dot",
			text:    "Subject: Hi\n\n{{with .Owner}}{{.FullName}}, {{.Title}}, {{$.Lead.Email}}{{end}}",
			subject: "Hi",
			body:    "Carol Diaz, Sales Manager, ann.lee@acme.example",
		},
		{
			name:    "with else",
			text:    "Subject: Hi\n\n{{with .Lead.Company}}at {{.}}{{else}}{{.Lead.Email}}{{end}}",
			subject: "Hi",
			body:    "at Acme Corp",
		},
		{
			name:    "or keeps the type of agreeing arguments",
			text:    "Subject: Hi\n\n{{with or .Lead.FullName .Lead.Email}}{{len .}}{{end}}",
			subject: "Hi",
			body:    "7",
		},
		{
			name:    "funcs in pipelines",
			text:    "Subject: {{.Connection.Score | score}}\n\n{{.Connection.LastInteraction | date}}",
			subject: "72.5",
			body:    "3 March 2025",
		},
		{
			name:    "a variable reassigned to another type is not held to the first",
			text:    "{{$x := .Owner}}{{$x = .Lead}}Subject: {{$x.Company}}\n\nok",
			subject: "Acme Corp",
			body:    "ok",
		},
		{
			name:    "define and template",
			text:    "{{define \"sig\"}}{{.FirstName}} ({{.Title}}){{end}}Subject: Intro\n\n{{template \"sig\" .Owner}}",
			subject: "Intro",
			body:    "Carol (Sales Manager)",
		},
		{
			name:    "block",
			text:    "Subject: Intro\n\n{{block \"who\" .Introducer}}{{.FullName}}{{end}}",
			subject: "Intro",
			body:    "Bob Stone",
		},
		{
			name:    "recursive template",
			text:    "{{define \"r\"}}{{if gt . 0}}n={{.}};{{template \"r\" 0}}{{end}}{{end}}Subject: r\n\n{{template \"r\" .Connection.Calls}}",
			subject: "r",
			body:    "n=1;",
		},
		{
			name:    "range over a count",
			text:    "Subject: r\n\n{{range $n := .Connection.Meetings}}{{$n}},{{end}}",
			subject: "r",
			body:    "0,1,2,",
		},
		{
			name:    "byte order mark and lower-case subject",
			text:    "\ufeffsubject: bom\n\nok",
			subject: "bom",
			body:    "ok",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl, err := Parse("custom.txt", tt.text)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			subject, body, err := tmpl.Render(Example())
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if subject != tt.subject {
				t.Errorf("subject = %q, want %q", subject, tt.subject)
			}
			if body != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
		})
	}
}

func TestFuncs(t *testing.T) {
	dates := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2025, time.March, 3, 14, 30, 0, 0, time.UTC), "3 March 2025"},
		{time.Date(2025, time.January, 1, 1, 0, 0, 0, time.FixedZone("UTC+2", 2*3600)), "31 December 2024"},
		{time.Time{}, ""},
	}
	for _, tt := range dates {
		if got := formatDate(tt.in); got != tt.want {
			t.Errorf("formatDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	scores := []struct {
		in   float64
		want string
	}{
		{72.4561, "72.5"}, {41.26, "41.3"}, {60, "60.0"}, {0.04, "0.0"}, {0, "0.0"}, {99.96, "100.0"},
	}
	for _, tt := range scores {
		if got := formatScore(tt.in); got != tt.want {
			t.Errorf("formatScore(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRenderCleansData(t *testing.T) {
	d := Example()
	d.Lead.FullName = "Ann\r\nLee"
	d.Lead.Company = "\u00a0 "
	d.Introducer.FirstName = "Bob\u2028"
	d.Owner.FirstName = "Carol\r"
	subject, body, err := Default().Render(d)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if want := "Could you introduce me to Ann Lee?"; subject != want {
		t.Errorf("subject = %q, want %q", subject, want)
	}
	want := "Hi Bob,\n\nI'd love to get introduced to Ann Lee, and you look like one of the best " +
		"people on the team to ask: your connection with them is strong (score 72.5 out of 100) and you " +
		"were last in touch on 3 March 2025." + defaultAsk
	if body != want {
		t.Errorf("body =\n%q\nwant\n%q", body, want)
	}
}

// clean lists Data's text fields by hand; a field added later must not slip
// past it.
func TestCleanCoversEveryField(t *testing.T) {
	var d Data
	v := reflect.ValueOf(&d).Elem()
	for i := range v.NumField() {
		group := v.Field(i)
		for j := range group.NumField() {
			if f := group.Field(j); f.Kind() == reflect.String {
				f.SetString(" a\nb\t")
			}
		}
	}
	flat := reflect.ValueOf(d.clean())
	for i := range flat.NumField() {
		group := flat.Field(i)
		for j := range group.NumField() {
			if f := group.Field(j); f.Kind() == reflect.String && f.String() != "a b" {
				t.Errorf("%s.%s = %q after clean, want %q",
					flat.Type().Field(i).Name, group.Type().Field(j).Name, f.String(), "a b")
			}
		}
	}
}
