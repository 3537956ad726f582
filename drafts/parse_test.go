package drafts

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// head is a valid first two lines, so that a test's own problem starts on
// line 3.
const head = "Subject: x\n\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		line int // 0: the message names no line
		want string
	}{
		{"unclosed action at the end", head + "Hi {{.Lead.FullName", 3, "unclosed action"},
		{"unclosed action before more lines", head + "Hi {{.Lead.FullName\n", 3, "unclosed action"},
		{"bad character", head + "\nHi {{.Lead.FullName}\n", 4, "bad character U+007D '}'"},
		{"unknown function", head + "Hi\n\n{{shout .Lead.FullName}}", 5, `function "shout" not defined`},

		{"unknown field", head + "Hi,\n{{.Lead.Phone}}\n", 4,
			"unknown field .Lead.Phone: Lead has no field or method Phone (it has FullName, FirstName, Email, Company, RecordType)"},
		{"unknown field in a branch no check record takes",
			head + "{{if eq .Lead.RecordType \"contact\"}}\nDear {{.Lead.Titel}}\n{{end}}Hi", 4, "unknown field .Lead.Titel"},
		{"unknown field in else if", head + "{{if .Lead.Company}}at {{.Lead.Company}}{{else if false}}\n\n{{.Owner.Phone}}{{end}}ok", 5,
			"unknown field .Owner.Phone: Person has no field or method Phone"},
		{"unknown field on dot inside with", head + "{{with .Owner}}{{.FullName}}\n{{if false}}{{.Phone}}{{end}}{{end}}", 4,
			"unknown field .Phone: Person has no field or method Phone"},
		{"unknown field on $ inside with", head + "{{with .Owner}}{{if false}}{{$.Lead.Nmae}}{{end}}{{end}}ok", 3,
			"unknown field $.Lead.Nmae"},
		{"unknown field on a variable", head + "{{$o := .Owner}}{{if false}}\n{{$o.Phone}}{{end}}ok", 4, "unknown field $o.Phone"},
		{"unknown field inside range", head + "{{if false}}{{range .Connection.Meetings}}{{.Day}}{{end}}{{end}}ok", 3,
			"unknown field .Day: int64 has no field or method Day"},
		{"unknown field after a chain", head + "{{if false}}{{(.Lead).Phone}}{{end}}ok", 3, "unknown field (.Lead).Phone"},
		{"unknown field on a string", head + "{{if false}}{{.Lead.FullName.First}}{{end}}ok", 3,
			"unknown field .Lead.FullName.First: string has no field or method First"},
		{"unknown field on a function result", head + "{{if false}}{{with date .Connection.LastInteraction}}{{.Day}}{{end}}{{end}}ok", 3,
			"unknown field .Day: string has no field or method Day"},
		{"unknown field in a defined template", "{{define \"sig\"}}{{.FullName}}\n{{.Titel}}{{end}}" + head + "{{if false}}{{template \"sig\" .Owner}}{{end}}ok", 2,
			"Person has no field or method Titel"},
		{"undefined template", head + "{{if false}}{{template \"nope\" .}}{{end}}ok", 3, `no template named "nope" is defined`},
		{"misspelt time method", head + "{{if false}}{{.Connection.LastInteraction.Formt \"2006\"}}{{end}}ok", 3,
			"time.Time has no field or method Formt"},
		{"pointer method on a value", head + "{{if false}}{{.Connection.LastInteraction.UnmarshalText}}{{end}}ok", 3,
			"time.Time has no field or method UnmarshalText"},

		{"method without its argument", head + "{{if false}}{{.Connection.LastInteraction.Format}}{{end}}ok", 3,
			"Format needs 1 argument, got 0"},
		{"method with three results", head + "{{if false}}{{.Connection.LastInteraction.Date}}{{end}}ok", 3,
			"Date returns 3 values"},
		{"function without its argument", head + "{{if false}}{{date}}{{end}}ok", 3, "date needs 1 argument, got 0"},
		{"function given a field of the wrong type", head + "{{if false}}{{date .Lead.FullName}}{{end}}ok", 3,
			"date: argument 1 must be time.Time, got string"},
		{"function given a literal of the wrong kind", head + "{{if false}}{{score \"high\"}}{{end}}ok", 3,
			`score: argument 1 must be float64, got "high"`},
		{"function piped the wrong type", head + "{{if false}}{{.Lead.Email | score}}{{end}}ok", 3,
			"score: argument 1 must be float64, got string"},
		{"field given arguments", head + "{{if false}}{{.Lead.FullName \"x\"}}{{end}}ok", 3,
			"FullName is a field, not a method, and takes no arguments"},
		{"variable given arguments", head + "{{$o := .Owner}}{{if false}}{{$o \"x\"}}{{end}}ok", 3,
			"$o is not a function and takes no arguments"},

		{"missing Subject line", "Hello {{.Introducer.FirstName}},\n\nbody", 1,
			`the draft must start with a line "Subject: ...", then a blank line, then the body; the rendered first line is "Hello Bob,"`},
		{"missing blank line", "Subject: x\nbody\n", 2, `the rendered second line is "body", not blank`},
		{"nothing after the subject", "Subject: x", 2, "the rendered draft ends after the subject"},
		{"empty text", "", 1, `the rendered first line is ""`},
		{"empty subject", "Subject:\n\nbody", 1, "the subject is empty for the example record"},
		{"empty body", "Subject: x\n\n \n\t\n", 0, "the body is empty for the example record"},
		{"render fails for the example", head + "Hi\n{{index .Lead.FullName 99}}", 4, "index out of range"},
		{"render fails for empty fields", head + "Hi\n{{index .Lead.FullName 0}}", 4,
			"index out of range (rendering a record whose fields are all empty)"},
		{"runaway output", head + "{{range 20000}}{{printf \"%64s\" \"\"}}{{end}}", 0, "rendered draft exceeds 1048576 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("intro.txt", tt.text)
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			if !errors.Is(err, ErrTemplate) {
				t.Errorf("errors.Is(%v, ErrTemplate) = false", err)
			}
			where := "bad template: intro.txt: "
			if tt.line > 0 {
				where = fmt.Sprintf("bad template: intro.txt line %d: ", tt.line)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, where) || !strings.Contains(msg, tt.want) {
				t.Errorf("error = %q\nwant prefix %q and %q", msg, where, tt.want)
			}
		})
	}
}

func TestRenderErrorNamesLine(t *testing.T) {
	// Parse cannot see this one coming: only a lead with a short name fails.
	tmpl, err := Parse("intro.txt", head+"Hi\n{{if .Lead.FullName}}{{index .Lead.FullName 4}}{{end}}")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	d := Example()
	d.Lead.FullName = "Al"
	_, _, err = tmpl.Render(d)
	if !errors.Is(err, ErrTemplate) {
		t.Fatalf("Render error = %v, want ErrTemplate", err)
	}
	const want = "bad template: intro.txt line 4: at <index .Lead.FullName 4>: error calling index: "
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Render error = %q, want prefix %q", err, want)
	}
}

func TestLocate(t *testing.T) {
	tests := []struct {
		msg  string
		line int
		rest string
	}{
		{"template: a.txt:3: unclosed action", 3, "unclosed action"},
		{"template: a.txt:4: unclosed action started at a.txt:2", 2, "unclosed action started at a.txt:2"},
		{`template: a.txt:5:12: executing "a.txt" at <.X>: boom`, 5, "at <.X>: boom"},
		{`template: a.txt: "a.txt" is an incomplete or empty template`, 0, `"a.txt" is an incomplete or empty template`},
		{"template: other.txt:3: boom", 0, "template: other.txt:3: boom"},
		{"template: a.txt:x: boom", 0, "template: a.txt:x: boom"},
		{"something else", 0, "something else"},
	}
	for _, tt := range tests {
		line, rest := locate("a.txt", tt.msg)
		if line != tt.line || rest != tt.rest {
			t.Errorf("locate(%q) = %d, %q; want %d, %q", tt.msg, line, rest, tt.line, tt.rest)
		}
	}
}
