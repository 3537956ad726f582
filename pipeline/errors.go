package pipeline

import "errors"

// ErrUsage classifies bad usage or configuration: a flag's value, the
// template, a role no user holds. The CLI exits with code 2.
var ErrUsage = errors.New("bad usage")

// ErrInput classifies input data the run cannot accept: a missing table, a
// schema problem, a duplicate id, an unreadable file. The CLI exits with 1.
var ErrInput = errors.New("bad input")
