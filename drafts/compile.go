package drafts

import (
	"fmt"
	"reflect"
	"strconv"
	"text/template"
	"text/template/parse"
	"time"
	"unsafe"
)

// A run renders one draft per introducer, hundreds of thousands a night, and
// text/template spends most of that time in reflection. compile translates
// the templates people write — text, field chains, if, with, else, and the
// functions or, and, not, date and score — into closures over the Data's
// memory, resolving every field once. Anything else (range, variables,
// pipelines, printf, template calls, methods, …) leaves the template to
// text/template, so any valid template still works; the compiled form only
// has to produce exactly what text/template would, which the tests and
// FuzzRender check output against output.

// program appends the rendering of one Data to its first argument.
type program func(out []byte, d *Data) []byte

// vkind is the static type of a value in a compiled template.
type vkind uint8

const (
	kString vkind = iota
	kFloat
	kInt
	kBool
	kTime
	kStruct // Data, Lead, Person or Connection, by pointer
)

// val is a value during a compiled render.
type val struct {
	k vkind
	s string
	f float64
	i int64
	b bool
	t time.Time
	p unsafe.Pointer // kStruct
}

// truth is text/template's isTrue for the kinds a compiled template meets;
// a struct, time.Time included, is always true.
func (v *val) truth() bool {
	switch v.k {
	case kString:
		return v.s != ""
	case kFloat:
		return v.f != 0
	case kInt:
		return v.i != 0
	case kBool:
		return v.b
	}
	return true
}

// appendVal prints v as text/template does, through fmt.Fprint.
func appendVal(out []byte, v *val) []byte {
	switch v.k {
	case kString:
		return append(out, v.s...)
	case kInt:
		return strconv.AppendInt(out, v.i, 10)
	case kBool:
		return strconv.AppendBool(out, v.b)
	case kFloat:
		return fmt.Append(out, v.f)
	case kTime:
		return fmt.Append(out, v.t)
	}
	panic("drafts: printing a struct is never compiled")
}

// expr evaluates to a val given dot.
type expr func(dot val) val

// typed is a compiled expression with its static type: a struct type for
// kStruct, else the leaf's type.
type typed struct {
	k   vkind
	typ reflect.Type
	e   expr
}

func compile(tmpl *template.Template) program {
	if tmpl.Tree == nil || tmpl.Tree.Root == nil {
		return nil
	}
	// Throughout, ok false means "leave it to text/template", not an error.
	run, ok := compileList(tmpl.Tree.Root, reflect.TypeFor[Data]())
	if !ok {
		return nil
	}
	return func(out []byte, d *Data) []byte {
		return run(out, val{k: kStruct, p: unsafe.Pointer(d)})
	}
}

// step renders part of a template with the given dot.
type step func(out []byte, dot val) []byte

func compileList(l *parse.ListNode, dot reflect.Type) (step, bool) {
	if l == nil {
		return func(out []byte, _ val) []byte { return out }, true
	}
	steps := make([]step, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		s, ok := compileNode(n, dot)
		if !ok {
			return nil, false
		}
		if s != nil {
			steps = append(steps, s)
		}
	}
	return func(out []byte, dot val) []byte {
		for _, s := range steps {
			// Past the limit the draft is refused anyway: stop, rather than
			// let a template that names a huge field many times grow the
			// buffer without bound (text/template stops at the same point).
			if out = s(out, dot); len(out) > maxOutput {
				return out
			}
		}
		return out
	}, true
}

func compileNode(n parse.Node, dot reflect.Type) (step, bool) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := string(n.Text)
		return func(out []byte, _ val) []byte { return append(out, text...) }, true
	case *parse.CommentNode:
		return nil, true
	case *parse.ActionNode:
		v, ok := compilePipe(n.Pipe, dot)
		if !ok || v.k == kStruct {
			return nil, false
		}
		return func(out []byte, dot val) []byte {
			x := v.e(dot)
			return appendVal(out, &x)
		}, true
	case *parse.IfNode:
		return compileBranch(&n.BranchNode, dot, false)
	case *parse.WithNode:
		return compileBranch(&n.BranchNode, dot, true)
	}
	return nil, false
}

// branch compiles if (with false) and with: the list runs when the pipeline
// is true, with its value as dot for with; else the else list, with dot as
// it was.
func compileBranch(b *parse.BranchNode, dot reflect.Type, with bool) (step, bool) {
	cond, ok := compilePipe(b.Pipe, dot)
	if !ok {
		return nil, false
	}
	inner := dot
	if with {
		inner = cond.typ
	}
	then, ok := compileList(b.List, inner)
	if !ok {
		return nil, false
	}
	otherwise, ok := compileList(b.ElseList, dot)
	if !ok {
		return nil, false
	}
	return func(out []byte, dot val) []byte {
		v := cond.e(dot)
		if !v.truth() {
			return otherwise(out, dot)
		}
		if with {
			return then(out, v)
		}
		return then(out, dot)
	}, true
}

// pipe compiles a pipeline of one command that declares no variables.
func compilePipe(p *parse.PipeNode, dot reflect.Type) (typed, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 {
		return typed{}, false
	}
	args := p.Cmds[0].Args
	if id, ok := args[0].(*parse.IdentifierNode); ok {
		return compileCall(id.Ident, args[1:], dot)
	}
	if len(args) != 1 {
		return typed{}, false
	}
	return compileOperand(args[0], dot)
}

// operand compiles a function argument or a lone command: a field chain on
// dot, dot itself, or a string literal.
func compileOperand(n parse.Node, dot reflect.Type) (typed, bool) {
	switch n := n.(type) {
	case *parse.DotNode:
		k, ok := kindOf(dot)
		return typed{k, dot, func(dot val) val { return dot }}, ok
	case *parse.FieldNode:
		return compileField(n.Ident, dot)
	case *parse.StringNode:
		s := n.Text
		return typed{kString, reflect.TypeFor[string](), func(val) val { return val{k: kString, s: s} }}, true
	}
	return typed{}, false
}

var timeType = reflect.TypeFor[time.Time]()

// kindOf maps the Go types a Data holds onto compiled kinds.
func kindOf(t reflect.Type) (vkind, bool) {
	switch {
	case t == timeType:
		return kTime, true
	case t.Kind() == reflect.String:
		return kString, true
	case t.Kind() == reflect.Float64:
		return kFloat, true
	case t.Kind() == reflect.Int64:
		return kInt, true
	case t.Kind() == reflect.Bool:
		return kBool, true
	case t.Kind() == reflect.Struct:
		return kStruct, true
	}
	return 0, false
}

// field compiles a chain of struct fields on dot into one offset from the
// struct dot points to.
func compileField(chain []string, dot reflect.Type) (typed, bool) {
	if dot.Kind() != reflect.Struct || dot == timeType {
		return typed{}, false
	}
	t, off := dot, uintptr(0)
	for _, name := range chain {
		if t.Kind() != reflect.Struct || t == timeType {
			return typed{}, false
		}
		f, ok := t.FieldByName(name)
		if !ok || !f.IsExported() || len(f.Index) != 1 {
			return typed{}, false
		}
		t, off = f.Type, off+f.Offset
	}
	k, ok := kindOf(t)
	if !ok {
		return typed{}, false
	}
	var e expr
	switch k {
	case kString:
		e = func(dot val) val { return val{k: kString, s: *(*string)(unsafe.Add(dot.p, off))} }
	case kFloat:
		e = func(dot val) val { return val{k: kFloat, f: *(*float64)(unsafe.Add(dot.p, off))} }
	case kInt:
		e = func(dot val) val { return val{k: kInt, i: *(*int64)(unsafe.Add(dot.p, off))} }
	case kBool:
		e = func(dot val) val { return val{k: kBool, b: *(*bool)(unsafe.Add(dot.p, off))} }
	case kTime:
		e = func(dot val) val { return val{k: kTime, t: *(*time.Time)(unsafe.Add(dot.p, off))} }
	case kStruct:
		e = func(dot val) val { return val{k: kStruct, p: unsafe.Add(dot.p, off)} }
	}
	return typed{k, t, e}, true
}

// call compiles the functions a compiled template may call. or and and
// evaluate their arguments lazily and return one of them, as text/template
// does; they are compiled only when every argument has the same type.
func compileCall(name string, argNodes []parse.Node, dot reflect.Type) (typed, bool) {
	args := make([]typed, len(argNodes))
	for i, n := range argNodes {
		a, ok := compileOperand(n, dot)
		if !ok {
			return typed{}, false
		}
		args[i] = a
	}
	one := func(k vkind) (expr, bool) {
		if len(args) != 1 || args[0].k != k {
			return nil, false
		}
		return args[0].e, true
	}
	switch name {
	case "date":
		a, ok := one(kTime)
		return typed{kString, reflect.TypeFor[string](), func(dot val) val {
			return val{k: kString, s: formatDate(a(dot).t)}
		}}, ok
	case "score":
		a, ok := one(kFloat)
		return typed{kString, reflect.TypeFor[string](), func(dot val) val {
			return val{k: kString, s: formatScore(a(dot).f)}
		}}, ok
	case "not":
		if len(args) != 1 {
			return typed{}, false
		}
		a := args[0].e
		return typed{kBool, reflect.TypeFor[bool](), func(dot val) val {
			v := a(dot)
			return val{k: kBool, b: !v.truth()}
		}}, true
	case "or", "and":
		if len(args) == 0 {
			return typed{}, false
		}
		for _, a := range args[1:] {
			if a.typ != args[0].typ {
				return typed{}, false
			}
		}
		stopOn := name == "or"
		es := make([]expr, len(args))
		for i, a := range args {
			es[i] = a.e
		}
		return typed{args[0].k, args[0].typ, func(dot val) val {
			var v val
			for _, e := range es {
				if v = e(dot); v.truth() == stopOn {
					return v
				}
			}
			return v
		}}, true
	}
	return typed{}, false
}
