package drafts

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"text/template"
	"unicode"
)

// maxOutput bounds one rendered draft. A real draft is a few hundred bytes;
// the bound stops a runaway {{range}} from eating the machine's memory.
const maxOutput = 1 << 20

var errOutputTooLarge = fmt.Errorf("rendered draft exceeds %d bytes", maxOutput)

// Template is a checked draft template.
type Template struct {
	name string
	tmpl *template.Template
	prog program // nil when the template needs text/template to run
}

// Parse parses text as a Go text/template named name (the file path, used in
// messages) and checks it before any data is read; see the package comment.
// A leading UTF-8 byte order mark, as some editors write, is ignored.
func Parse(name, text string) (*Template, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	tmpl, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fromTextTemplate(name, err)
	}
	if err := check(tmpl, name, text); err != nil {
		return nil, err
	}
	t := &Template{name: name, tmpl: tmpl, prog: compile(tmpl)}

	subject, body, err := t.Render(Example())
	if err != nil {
		return nil, err
	}
	if subject == "" {
		return nil, &lineError{name: name, line: 1, msg: "the subject is empty for the example record"}
	}
	if body == "" {
		return nil, &lineError{name: name, msg: "the body is empty for the example record"}
	}
	// A record with every field empty reaches the branches that guard missing
	// values, which the example never takes.
	if _, _, err := t.Render(Data{}); err != nil {
		var le *lineError
		if errors.As(err, &le) {
			le.msg += " (rendering a record whose fields are all empty)"
		}
		return nil, err
	}
	return t, nil
}

// Render executes the template for d and splits the output into the subject
// (the text after "Subject:" on line 1, trimmed) and the body (everything after
// the blank line, line breaks as "\n", trailing white space removed). The
// text fields of d are trimmed and their line breaks rendered as spaces, so
// only the template decides where lines end.
func (t *Template) Render(d Data) (subject, body string, err error) {
	d = d.clean()
	if t.prog != nil {
		// No loop, no recursion: the output is the template's text and a
		// bounded number of fields, so it is checked once at the end.
		out := t.prog(make([]byte, 0, 1024), &d)
		if len(out) > maxOutput {
			return "", "", &lineError{name: t.name, msg: errOutputTooLarge.Error(), cause: errOutputTooLarge}
		}
		return split(t.name, string(out))
	}
	return t.renderText(d)
}

// renderText is Render through text/template, for d already cleaned.
func (t *Template) renderText(d Data) (subject, body string, err error) {
	out := &limitedBuffer{}
	if err := t.tmpl.Execute(out, d); err != nil {
		if errors.Is(err, errOutputTooLarge) {
			return "", "", &lineError{name: t.name, msg: err.Error(), cause: err}
		}
		return "", "", fromTextTemplate(t.name, err)
	}
	return split(t.name, out.String())
}

// split enforces the draft's shape: "Subject: ...", a blank line, the body.
// CR LF and lone CR count as line breaks, since templates edited on Windows
// keep them.
func split(name, out string) (subject, body string, err error) {
	out = strings.ReplaceAll(out, "\r\n", "\n")
	out = strings.ReplaceAll(out, "\r", "\n")
	const shape = `the draft must start with a line "Subject: ...", then a blank line, then the body`
	first, rest, found := strings.Cut(out, "\n")
	const prefix = "Subject:"
	if len(first) < len(prefix) || !strings.EqualFold(first[:len(prefix)], prefix) {
		return "", "", &lineError{name: name, line: 1,
			msg: fmt.Sprintf("%s; the rendered first line is %q", shape, clip(first))}
	}
	if !found {
		return "", "", &lineError{name: name, line: 2,
			msg: shape + "; the rendered draft ends after the subject"}
	}
	blank, body, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(blank) != "" {
		return "", "", &lineError{name: name, line: 2,
			msg: fmt.Sprintf("%s; the rendered second line is %q, not blank", shape, clip(blank))}
	}
	return strings.TrimSpace(first[len(prefix):]), strings.TrimRightFunc(body, unicode.IsSpace), nil
}

// clip shortens a rendered line quoted in a message.
func clip(s string) string {
	const n = 60
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// limitedBuffer fails a write that would take it past maxOutput.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > maxOutput {
		return 0, errOutputTooLarge
	}
	return b.Buffer.Write(p)
}
