// Package pipeline holds one run of wkw together: it checks the settings and
// the template, opens and schema-checks every input table before reading a
// row, streams the tables through the scoring model, ranks introducers,
// renders drafts, and writes every output into a stage that is committed in
// one step, with a manifest of what happened.
//
// It is not for parsing flags (cmd/wkw does that) nor for the model's
// arithmetic (package scoring).
package pipeline
