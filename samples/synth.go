package samples

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// SynthParams sizes a synthetic organisation for benchmarks and whole-run
// timings. Unlike the bundled sample, nothing in it is hand-checked: it
// has the shape of a real company's mail, at any size.
type SynthParams struct {
	// Rows to write; Emails counts exported rows, so the copies of one
	// message from several mailboxes count separately.
	Users, Leads, Emails, Meetings, Calls int
	// Seed fixes every draw: the same parameters give the same bytes.
	Seed uint64
	// AsOf is the run date the data is made for: interactions fall in the
	// year before it, and about 3% on each side of that window.
	AsOf time.Time
	// Parts > 1 writes emails, meetings and calls as NAME/part-00000.parquet
	// and so on; 1 writes NAME.parquet.
	Parts int
}

// DefaultSynthParams is a mid-sized company: 5,000 colleagues and ten
// million exported emails.
func DefaultSynthParams() SynthParams {
	return SynthParams{
		Users: 5000, Leads: 50_000, Emails: 10_000_000, Meetings: 1_000_000, Calls: 500_000,
		Seed: 1, Parts: 8, AsOf: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC),
	}
}

// validate reports the first parameter that cannot make a sensible table.
func (p SynthParams) validate() error {
	switch {
	case p.Users < 2:
		return fmt.Errorf("check users: %d, want at least 2", p.Users)
	case p.Leads < 0, p.Emails < 0, p.Meetings < 0, p.Calls < 0:
		return fmt.Errorf("check row counts: leads %d, emails %d, meetings %d, calls %d: want none negative",
			p.Leads, p.Emails, p.Meetings, p.Calls)
	case p.Parts < 1:
		return fmt.Errorf("check parts: %d, want at least 1", p.Parts)
	case p.AsOf.IsZero():
		return errors.New("check as-of date: not set")
	}
	return nil
}

// synthTables is every table in the order Synthesize writes them; the
// small ones come first so a bad output directory fails fast.
var synthTables = []string{"users", "opt_outs", "leads", "calls", "meetings", "emails"}

// Synthesize writes the six input tables of SPEC §2 into dir (created if
// needed), replacing any tables of the same names there. The tables are
// built in a temporary directory inside dir and moved into place only when
// all are complete, so a run that fails or is cancelled while generating
// leaves dir as it was.
// Memory stays bounded whatever the row counts, apart from the address
// pool (about max(50k, Emails/20) addresses). progress, if not nil, hears
// a one-line status now and then.
func Synthesize(ctx context.Context, dir string, p SynthParams, progress func(string)) (err error) {
	if err := p.validate(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create output directory %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(dir, ".generate-")
	if err != nil {
		return fmt.Errorf("create temporary directory in %s: %w", dir, err)
	}
	defer func() {
		if rerr := os.RemoveAll(tmp); rerr != nil && err == nil {
			err = fmt.Errorf("remove temporary directory %s: %w", tmp, rerr)
		}
	}()
	o := newSynthOrg(p)
	if progress != nil {
		progress(fmt.Sprintf("organisation: %d users, %d external addresses at %d companies",
			len(o.users), len(o.ext), len(o.companies)))
	}
	clock := newSynthClock(p.AsOf)
	for _, name := range synthTables {
		if err := synthTable(ctx, tmp, name, o, p, clock, progress); err != nil {
			return err
		}
	}
	for _, name := range synthTables {
		if err := moveTable(tmp, dir, name); err != nil {
			return err
		}
	}
	return nil
}

func synthTable(ctx context.Context, tmp, name string, o *synthOrg, p SynthParams, clock synthClock, progress func(string)) error {
	switch name {
	case "users":
		return synthWrite(ctx, tmp, name, 1, len(o.users), progress, o.userRows(newSynthRand(p.Seed, 5)))
	case "opt_outs":
		return synthWrite(ctx, tmp, name, 1, max(1, len(o.users)/100), progress, o.optOutRows(newSynthRand(p.Seed, 7), clock))
	case "leads":
		return synthWrite(ctx, tmp, name, 1, p.Leads, progress, o.leadRows(newSynthRand(p.Seed, 6), p.Leads))
	case "calls":
		return synthWrite(ctx, tmp, name, p.Parts, p.Calls, progress, newCallGen(o, p).next)
	case "meetings":
		return synthWrite(ctx, tmp, name, p.Parts, p.Meetings, progress, newMeetingGen(o, p).next)
	default:
		return synthWrite(ctx, tmp, name, p.Parts, p.Emails, progress, newEmailGen(o, p).next)
	}
}

func synthWrite[T any](ctx context.Context, dir, name string, parts, total int, progress func(string), next func(*T) bool) error {
	pw, err := newPartWriter[T](dir, name, parts, int64(total), progress)
	if err != nil {
		return err
	}
	return writeAll(pw, ctx.Err, next)
}

// moveTable replaces dir's table name, in whichever form it had, with the
// one built in tmp; SPEC §2 forbids NAME.parquet and NAME/ side by side.
func moveTable(tmp, dir, name string) error {
	for _, old := range []string{name + ".parquet", name} {
		if err := os.RemoveAll(filepath.Join(dir, old)); err != nil {
			return fmt.Errorf("remove old table %s: %w", filepath.Join(dir, old), err)
		}
	}
	src := filepath.Join(tmp, name+".parquet")
	if _, err := os.Stat(src); err != nil {
		src = filepath.Join(tmp, name)
	}
	if err := os.Rename(src, filepath.Join(dir, filepath.Base(src))); err != nil {
		return fmt.Errorf("move table %s into %s: %w", name, dir, err)
	}
	return nil
}
