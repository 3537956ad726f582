package drafts

import (
	"fmt"
	"reflect"
	"text/template"
	"text/template/parse"
)

// check walks the parse tree and resolves every field chain against the type
// it will be evaluated on. Rendering alone only tries the branches one record
// takes; a misspelt field in an {{else}} would otherwise fail the run on the
// first record that needs it. Where a type cannot be known (after index, call
// and the like) the chain is left to the render checks.
func check(set *template.Template, name, text string) error {
	if set.Tree == nil {
		return nil
	}
	c := &checker{set: set, name: name, text: text, seen: map[visit]bool{}}
	return c.tree(set.Tree, reflect.TypeFor[Data]())
}

type checker struct {
	set  *template.Template
	name string
	text string
	vars []variable // the variables in scope, innermost last
	seen map[visit]bool
}

// variable is a template variable and its static type; a nil type is unknown.
type variable struct {
	name string
	typ  reflect.Type
}

// visit stops {{template}} recursion: a tree is checked once per type of dot.
type visit struct {
	tree string
	dot  reflect.Type
}

func (c *checker) errorf(n parse.Node, format string, args ...any) error {
	return &lineError{name: c.name, line: lineOf(c.text, int(n.Position())), msg: fmt.Sprintf(format, args...)}
}

func (c *checker) tree(t *parse.Tree, dot reflect.Type) error {
	key := visit{t.Name, dot}
	if c.seen[key] {
		return nil
	}
	c.seen[key] = true
	// An invoked template starts a fresh scope in which $ is its argument.
	saved := c.vars
	c.vars = []variable{{"$", dot}}
	defer func() { c.vars = saved }()
	return c.list(t.Root, dot)
}

func (c *checker) list(l *parse.ListNode, dot reflect.Type) error {
	if l == nil {
		return nil
	}
	for _, n := range l.Nodes {
		if err := c.node(n, dot); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) node(n parse.Node, dot reflect.Type) error {
	switch n := n.(type) {
	case *parse.ActionNode:
		_, err := c.pipe(n.Pipe, dot)
		return err
	case *parse.IfNode:
		return c.branch(&n.BranchNode, dot)
	case *parse.WithNode:
		return c.branch(&n.BranchNode, dot)
	case *parse.RangeNode:
		return c.branch(&n.BranchNode, dot)
	case *parse.TemplateNode:
		arg, err := c.pipe(n.Pipe, dot)
		if err != nil {
			return err
		}
		sub := c.set.Lookup(n.Name)
		if sub == nil {
			return c.errorf(n, "no template named %q is defined", n.Name)
		}
		if sub.Tree == nil {
			return nil
		}
		return c.tree(sub.Tree, arg)
	}
	return nil
}

// branch checks if, with and range. Variables declared in the control
// pipeline or inside its lists go out of scope at its {{end}}.
func (c *checker) branch(b *parse.BranchNode, dot reflect.Type) error {
	mark := len(c.vars)
	defer func() { c.vars = c.vars[:mark] }()
	typ, err := c.pipeType(b.Pipe, dot)
	if err != nil {
		return err
	}
	inner := dot
	switch b.NodeType {
	case parse.NodeIf:
		c.declare(b.Pipe, typ, typ)
	case parse.NodeWith:
		inner = typ
		c.declare(b.Pipe, typ, typ)
	case parse.NodeRange:
		key, elem := rangeTypes(typ)
		inner = elem
		c.declare(b.Pipe, key, elem)
	}
	if err := c.list(b.List, inner); err != nil {
		return err
	}
	return c.list(b.ElseList, dot)
}

// pipe checks a pipeline that is not a control's and declares its variables.
func (c *checker) pipe(p *parse.PipeNode, dot reflect.Type) (reflect.Type, error) {
	typ, err := c.pipeType(p, dot)
	if err == nil {
		c.declare(p, typ, typ)
	}
	return typ, err
}

// pipeType checks every command of p and returns the type of the last one.
func (c *checker) pipeType(p *parse.PipeNode, dot reflect.Type) (reflect.Type, error) {
	if p == nil {
		return nil, nil
	}
	var typ reflect.Type
	for i, cmd := range p.Cmds {
		t, err := c.command(cmd, dot, i > 0, typ)
		if err != nil {
			return nil, err
		}
		typ = t
	}
	return typ, nil
}

// declare gives p's variables their types: with two, the first is the index
// or key and the second the element, as in text/template's range.
func (c *checker) declare(p *parse.PipeNode, first, last reflect.Type) {
	if p == nil {
		return
	}
	for i, v := range p.Decl {
		typ := last
		if len(p.Decl) == 2 && i == 0 {
			typ = first
		}
		name := v.Ident[0]
		if !p.IsAssign {
			c.vars = append(c.vars, variable{name, typ})
			continue
		}
		// An assignment may happen in one branch only: keep the type when
		// both agree, else give up on it.
		for j := len(c.vars) - 1; j >= 0; j-- {
			if c.vars[j].name == name {
				if c.vars[j].typ != typ {
					c.vars[j].typ = nil
				}
				break
			}
		}
	}
}

func (c *checker) lookup(name string) reflect.Type {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return c.vars[i].typ
		}
	}
	return nil
}
