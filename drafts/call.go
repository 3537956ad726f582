package drafts

import (
	"fmt"
	"reflect"
	"text/template/parse"
)

// signature is what a template can call: one of funcs or a method.
type signature struct {
	params   []reflect.Type
	variadic bool
	results  []reflect.Type
}

// signatureOf describes function type ft, leaving out its first skip
// parameters (1 for a method's receiver).
func signatureOf(ft reflect.Type, skip int) signature {
	s := signature{variadic: ft.IsVariadic()}
	for i := skip; i < ft.NumIn(); i++ {
		s.params = append(s.params, ft.In(i))
	}
	for i := range ft.NumOut() {
		s.results = append(s.results, ft.Out(i))
	}
	return s
}

// call checks a call of name with ops the way text/template will make it:
// the number of arguments, the type of each where it is known, and a result
// a template can use. It returns the result's type.
func (c *checker) call(n parse.Node, name string, s signature, ops []operand) (reflect.Type, error) {
	want := len(s.params)
	switch {
	case s.variadic && len(ops) < want-1:
		return nil, c.errorf(n, "%s needs at least %s, got %d", name, arguments(want-1), len(ops))
	case !s.variadic && len(ops) != want:
		return nil, c.errorf(n, "%s needs %s, got %d", name, arguments(want), len(ops))
	}
	for i, op := range ops {
		p := s.param(i)
		if !fits(op, p) {
			return nil, c.errorf(n, "%s: argument %d must be %s, got %s", name, i+1, p, describe(op))
		}
	}
	switch {
	case len(s.results) == 1:
	case len(s.results) == 2 && s.results[1] == errorType:
	default:
		return nil, c.errorf(n, "%s returns %d values; a template can use one value, or one and an error", name, len(s.results))
	}
	return s.results[0], nil
}

func arguments(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return fmt.Sprintf("%d arguments", n)
}

func (s signature) param(i int) reflect.Type {
	if s.variadic && i >= len(s.params)-1 {
		return s.params[len(s.params)-1].Elem()
	}
	return s.params[i]
}

// fits reports whether text/template could pass op for a parameter of type
// p. It errs on the side of yes: the render checks catch the rest when they
// reach the call.
func fits(op operand, p reflect.Type) bool {
	if p.Kind() == reflect.Interface {
		return true
	}
	switch op.node.(type) {
	case *parse.StringNode:
		return p.Kind() == reflect.String
	case *parse.BoolNode:
		return p.Kind() == reflect.Bool
	case *parse.NumberNode:
		switch p.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
			return true
		}
		return false
	case *parse.NilNode:
		switch p.Kind() {
		case reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.Slice:
			return true
		}
		return false
	}
	t := op.typ
	return t == nil || t.AssignableTo(p) || t.Kind() == reflect.Interface ||
		(t.Kind() == reflect.Pointer && t.Elem().AssignableTo(p)) ||
		reflect.PointerTo(t).AssignableTo(p)
}

func describe(op operand) string {
	if isLiteral(op.node) {
		return op.node.String()
	}
	return op.typ.String()
}

func isLiteral(n parse.Node) bool {
	switch n.(type) {
	case *parse.StringNode, *parse.BoolNode, *parse.NumberNode, *parse.NilNode:
		return true
	}
	return false
}
