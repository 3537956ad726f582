package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/wkw/wkw/samples"
)

const generateUsage = `Usage: wkw generate [flags]

Writes a synthetic organisation's input tables (emails, meetings, calls, users,
leads, opt_outs) to --out, shaped like a real company's exports, for benchmarks
and whole-run timings. The same flags give the same bytes. Tables already in
--out with these names are replaced once every new table is complete.

Flags:
`

func generateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	d := samples.DefaultSynthParams()
	fs := pflag.NewFlagSet("wkw generate", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	out := fs.String("out", "bench/data", "output `DIR` for the six tables")
	users := fs.Int("users", d.Users, "colleagues (`N` >= 2)")
	leads := fs.Int("leads", d.Leads, "`N` leads and contacts")
	emails := fs.Int("emails", d.Emails, "`N` exported email rows, copies of one message from several mailboxes included")
	meetings := fs.Int("meetings", d.Meetings, "`N` meeting rows")
	calls := fs.Int("calls", d.Calls, "`N` call rows")
	seed := fs.Uint64("seed", d.Seed, "random `SEED`; the same flags and seed give the same files")
	asOf := fs.String("as-of", d.AsOf.Format(time.DateOnly), "the run `DATE` (YYYY-MM-DD) the data is made for: interactions fall in the year before it")
	parts := fs.Int("parts", d.Parts, "`N` part files each for emails, meetings and calls (1: a single NAME.parquet)")
	fs.Usage = func() {
		fmt.Fprint(stderr, generateUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return errHelp
		}
		return fmt.Errorf("%w: %w", errFlags, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errFlags, fs.Arg(0))
	}
	if strings.TrimSpace(*out) == "" {
		return fmt.Errorf("%w: --out: want a directory", errFlags)
	}
	for _, c := range []struct {
		flag    string
		value   int
		minimum int
	}{{"users", *users, 2}, {"leads", *leads, 0}, {"emails", *emails, 0}, {"meetings", *meetings, 0}, {"calls", *calls, 0}, {"parts", *parts, 1}} {
		if c.value < c.minimum {
			return fmt.Errorf("%w: --%s %d: want at least %d", errFlags, c.flag, c.value, c.minimum)
		}
	}
	date, err := time.Parse(time.DateOnly, strings.TrimSpace(*asOf))
	if err != nil {
		return fmt.Errorf("%w: --as-of %q: want a date like 2026-11-21", errFlags, *asOf)
	}
	p := samples.SynthParams{Users: *users, Leads: *leads, Emails: *emails, Meetings: *meetings,
		Calls: *calls, Seed: *seed, AsOf: date, Parts: *parts}
	start := time.Now()
	progress := func(s string) {
		fmt.Fprintf(stderr, "generate: %s (%s)\n", s, time.Since(start).Round(100*time.Millisecond))
	}
	if err := samples.Synthesize(ctx, *out, p, progress); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d users, %d leads, %d emails, %d meetings, %d calls to %s in %s\n",
		p.Users, p.Leads, p.Emails, p.Meetings, p.Calls, *out, time.Since(start).Round(100*time.Millisecond))
	return nil
}
