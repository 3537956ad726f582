// Package drafts renders the "get introduced" email drafts of the contract's
// section 7: a request from a lead's owner to a colleague who knows the lead.
//
// A template is Go text/template text. Its output must begin with a line
// "Subject: ...", then a blank line, then the body. Field values are trimmed
// and line breaks inside them rendered as spaces, so that only the template
// decides where lines end and a blank value counts as empty.
//
// Parse checks a template completely before any data is read, so that a bad
// template stops a run at once instead of after an hour of scoring: the
// syntax; every field chain and call against the Data type, in branches the
// example record would not reach too; a render of Example and of a record
// whose fields are all empty; and the shape of the output. Every problem is an
// ErrTemplate naming the template and, where one line is to blame, its line.
//
// A template sees Data: .Lead, .Introducer, .Owner and .Connection. Besides
// text/template's built-in functions it may call
//
//	date   formats a time as "2 January 2006" in UTC; the zero time gives ""
//	score  formats a score with one decimal, 72.4561 as "72.5"
//
// Empty fields are handled with the built-ins: {{or .Lead.FullName .Lead.Email}}
// names a lead whose full name is missing, and {{with .Lead.Company}} at {{.}}{{end}}
// mentions a company only when there is one. DefaultText shows both.
//
// A Template is safe for concurrent use by several goroutines.
//
// The package is not for deciding who gets a draft (owner roles and skip
// counting belong to package pipeline) nor for writing drafts anywhere; Mailto
// only builds the link that carries a rendered draft.
package drafts
