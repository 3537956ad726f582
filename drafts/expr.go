package drafts

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// operand is one argument a call receives: an argument node, or the value
// piped in from the previous command (node nil). A nil typ is unknown.
type operand struct {
	node parse.Node
	typ  reflect.Type
}

// command checks one command of a pipeline and returns its result type. The
// first word is what gets called; piped says whether the previous command's
// result, of type prev, is passed as its last argument.
func (c *checker) command(cmd *parse.CommandNode, dot reflect.Type, piped bool, prev reflect.Type) (reflect.Type, error) {
	if len(cmd.Args) == 0 {
		return nil, nil
	}
	var ops []operand
	for _, n := range cmd.Args[1:] {
		t, err := c.arg(n, dot)
		if err != nil {
			return nil, err
		}
		ops = append(ops, operand{n, t})
	}
	if piped {
		ops = append(ops, operand{nil, prev})
	}
	switch n := cmd.Args[0].(type) {
	case *parse.IdentifierNode:
		if fn, ok := funcs[n.Ident]; ok {
			return c.call(n, n.Ident, signatureOf(reflect.TypeOf(fn), 0), ops)
		}
		return builtinResult(n.Ident, ops), nil
	case *parse.FieldNode:
		return c.fields(n, dot, n.Ident, ops)
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			return c.fields(n, c.lookup(n.Ident[0]), n.Ident[1:], ops)
		}
	case *parse.ChainNode:
		t, err := c.arg(n.Node, dot)
		if err != nil {
			return nil, err
		}
		return c.fields(n, t, n.Field, ops)
	}
	if len(ops) > 0 {
		return nil, c.errorf(cmd.Args[0], "%s is not a function and takes no arguments", cmd.Args[0])
	}
	return c.arg(cmd.Args[0], dot)
}

// arg checks a node used as an argument, where methods are called without
// arguments, and returns its type.
func (c *checker) arg(n parse.Node, dot reflect.Type) (reflect.Type, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.FieldNode:
		return c.fields(n, dot, n.Ident, nil)
	case *parse.VariableNode:
		return c.fields(n, c.lookup(n.Ident[0]), n.Ident[1:], nil)
	case *parse.ChainNode:
		t, err := c.arg(n.Node, dot)
		if err != nil {
			return nil, err
		}
		return c.fields(n, t, n.Field, nil)
	case *parse.PipeNode:
		return c.pipe(n, dot)
	case *parse.IdentifierNode:
		if fn, ok := funcs[n.Ident]; ok {
			return c.call(n, n.Ident, signatureOf(reflect.TypeOf(fn), 0), nil)
		}
		return builtinResult(n.Ident, nil), nil
	case *parse.StringNode:
		return stringType, nil
	case *parse.BoolNode:
		return boolType, nil
	}
	return nil, nil
}

// fields resolves names one after the other starting from typ. Methods along
// the way are called without arguments; the last one receives ops.
func (c *checker) fields(n parse.Node, typ reflect.Type, names []string, ops []operand) (reflect.Type, error) {
	for i, name := range names {
		if typ == nil {
			return nil, nil
		}
		m, ok := member(typ, name)
		if !ok {
			return nil, c.errorf(n, "unknown field %s: %s", n, noMember(typ, name))
		}
		var args []operand
		if i == len(names)-1 {
			args = ops
		}
		switch {
		case m.unknown:
			return nil, nil
		case m.method != nil:
			t, err := c.call(n, name, *m.method, args)
			if err != nil {
				return nil, err
			}
			typ = t
		case len(args) > 0:
			return nil, c.errorf(n, "%s: %s is a field, not a method, and takes no arguments", n, name)
		default:
			typ = m.typ
		}
	}
	return typ, nil
}

// found is the result of a lookup: a field's type, a method, or unknown.
type found struct {
	typ     reflect.Type
	method  *signature
	unknown bool
}

// member mirrors text/template's field lookup: a method first, then a struct
// field, then a map key; ok is false when the lookup must fail. Data reaches
// a template by value, so a struct's pointer-receiver methods are not
// callable and are not offered.
func member(t reflect.Type, name string) (found, bool) {
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if base.Kind() == reflect.Interface {
		return found{unknown: true}, true
	}
	if m, ok := t.MethodByName(name); ok {
		sig := signatureOf(m.Type, 1)
		return found{method: &sig}, true
	}
	switch base.Kind() {
	case reflect.Struct:
		if f, ok := base.FieldByName(name); ok && f.IsExported() {
			return found{typ: f.Type}, true
		}
	case reflect.Map:
		if stringType.AssignableTo(base.Key()) {
			return found{typ: base.Elem()}, true
		}
	}
	return found{}, false
}

// noMember explains a failed lookup, listing a struct's fields so that the
// author sees what is on offer.
func noMember(t reflect.Type, name string) string {
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	ours := base.PkgPath() == reflect.TypeFor[Data]().PkgPath()
	typeName := base.String()
	if ours {
		typeName = base.Name()
	}
	msg := fmt.Sprintf("%s has no field or method %s", typeName, name)
	if !ours || base.Kind() != reflect.Struct {
		return msg
	}
	var names []string
	for f := range base.Fields() {
		if f.IsExported() {
			names = append(names, f.Name)
		}
	}
	return msg + " (it has " + strings.Join(names, ", ") + ")"
}

// rangeTypes returns the types of the index or key and of the element that a
// range over t yields.
func rangeTypes(t reflect.Type) (key, elem reflect.Type) {
	if t == nil {
		return nil, nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Array, reflect.Slice, reflect.Chan:
		return reflect.TypeFor[int](), t.Elem()
	case reflect.Map:
		return t.Key(), t.Elem()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return nil, t
	}
	return nil, nil
}

var (
	boolType   = reflect.TypeFor[bool]()
	stringType = reflect.TypeFor[string]()
	errorType  = reflect.TypeFor[error]()
)

// builtinResults are the result types of text/template's built-ins whose
// result does not depend on their arguments.
var builtinResults = map[string]reflect.Type{
	"not": boolType, "eq": boolType, "ne": boolType,
	"lt": boolType, "le": boolType, "gt": boolType, "ge": boolType,
	"len": reflect.TypeFor[int](), "print": stringType, "printf": stringType,
	"println": stringType, "html": stringType, "js": stringType, "urlquery": stringType,
}

// builtinResult is the static result type of a built-in; nil when it cannot
// be known. The built-ins take any arguments, so none are checked.
func builtinResult(name string, ops []operand) reflect.Type {
	if t, ok := builtinResults[name]; ok {
		return t
	}
	// and and or return one of their arguments: known when all agree.
	if (name == "and" || name == "or") && len(ops) > 0 && ops[0].typ != nil &&
		!slices.ContainsFunc(ops, func(o operand) bool { return o.typ != ops[0].typ }) {
		return ops[0].typ
	}
	return nil
}
