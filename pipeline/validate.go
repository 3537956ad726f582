package pipeline

import (
	"context"
	"errors"
	"time"

	"github.com/wkw/wkw/drafts"
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/writers"
)

// TableCheck is what validation found for one input table.
type TableCheck struct {
	Name     string
	Required bool
	Found    bool
	Files    int
	Rows     int64
	Problem  string // empty when the table is usable
}

// Validation is the outcome of checking inputs without writing anything.
type Validation struct {
	Tables []TableCheck
	// Manifest holds what a run would have counted; nil when the tables
	// could not be read.
	Manifest *Manifest
	// Verdict is the error a run would stop with; nil when it would pass.
	Verdict error
}

// Validate reads the inputs exactly as Run would, without writing anything,
// and says whether a run would pass. Its error is for bad options only;
// problems with the data go into the Validation.
func Validate(ctx context.Context, o Options) (*Validation, error) {
	if o.Out == "" {
		o.Out = "(not written)"
	}
	if o.Template == nil {
		o.Template = drafts.Default()
	}
	if err := o.Check(); err != nil {
		return nil, err
	}
	v := &Validation{}
	tables := map[string]*readers.Table{}
	for _, spec := range tableSpecs {
		c := TableCheck{Name: spec.name, Required: spec.required}
		t, err := openTable(o.Input, spec)
		switch {
		case errors.Is(err, readers.ErrMissing):
			c.Problem = "missing: a run needs this table"
		case err != nil:
			c.Found, c.Problem = true, err.Error()
		case t != nil:
			c.Found, c.Files, c.Rows = true, len(t.Files), t.Rows()
			tables[spec.name] = t
		}
		if err != nil && v.Verdict == nil {
			v.Verdict = err
		}
		v.Tables = append(v.Tables, c)
	}
	if v.Verdict != nil {
		return v, nil
	}
	sw := &stopwatch{last: time.Now()}
	man := &Manifest{Tool: "wkw", SchemaVersion: writers.SchemaVersion, AsOf: o.Date(), StartedAt: sw.last.UTC()}
	in, err := load(ctx, &o, tables, man, sw, o.logger())
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, err
		}
		v.Verdict = err
		return v, nil
	}
	man.Settings = settings(&o, in.g.Dir)
	v.Manifest = man
	v.Verdict = man.Quality.check(o.Input)
	return v, nil
}
