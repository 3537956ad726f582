package drafts

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrTemplate classifies every template problem: syntax, unknown field or
// function, a failed render, output of the wrong shape. The CLI maps it to
// exit code 2.
var ErrTemplate = errors.New("bad template")

// lineError locates a template problem so that the message can say
// "intro.txt line 4" in a form people read, while the text/template error
// behind it stays reachable through errors.As.
type lineError struct {
	name  string // the template's file name
	line  int    // 1-based; 0 when no single line is to blame
	msg   string
	cause error // the text/template error, when there is one
}

func (e *lineError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("%s: %s line %d: %s", ErrTemplate.Error(), e.name, e.line, e.msg)
	}
	return fmt.Sprintf("%s: %s: %s", ErrTemplate.Error(), e.name, e.msg)
}

func (e *lineError) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrTemplate}
	}
	return []error{ErrTemplate, e.cause}
}

// fromTextTemplate turns a text/template error into a lineError. Those errors
// carry their location only as text ("template: NAME:LINE[:COL]: ..."), so it
// is taken apart here; anything else keeps its whole message and no line.
func fromTextTemplate(name string, err error) *lineError {
	line, msg := locate(name, err.Error())
	return &lineError{name: name, line: line, msg: msg, cause: err}
}

func locate(name, msg string) (line int, rest string) {
	rest, ok := strings.CutPrefix(msg, "template: "+name)
	if !ok {
		return 0, msg
	}
	if r, ok := strings.CutPrefix(rest, ": "); ok {
		return 0, r
	}
	rest, ok = strings.CutPrefix(rest, ":")
	if !ok {
		return 0, msg
	}
	digits := leadingDigits(rest)
	line, err := strconv.Atoi(digits)
	if err != nil {
		return 0, msg
	}
	rest = rest[len(digits):]
	if r, ok := strings.CutPrefix(rest, ":"); ok && leadingDigits(r) != "" {
		rest = r[len(leadingDigits(r)):]
	}
	rest = strings.TrimPrefix(rest, ": ")
	// The lexer notices an unclosed action only where the text ends; the
	// line to fix is where it started.
	if r, ok := strings.CutPrefix(rest, "unclosed action started at "+name+":"); ok {
		if start, err := strconv.Atoi(leadingDigits(r)); err == nil {
			line = start
		}
	}
	// Execution errors repeat the template's name before the failing action;
	// the name is already in the message, the action is what helps.
	if r, ok := strings.CutPrefix(rest, "executing "); ok {
		if i := strings.Index(r, " at <"); i >= 0 {
			rest = r[i+1:]
		}
	}
	return line, rest
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// lineOf converts a parse-tree byte offset into a 1-based line number.
func lineOf(text string, pos int) int {
	pos = min(max(pos, 0), len(text))
	return 1 + strings.Count(text[:pos], "\n")
}
