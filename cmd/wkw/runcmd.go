package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/wkw/wkw/drafts"
	"github.com/wkw/wkw/pipeline"
	"github.com/wkw/wkw/scoring"
)

// errFlags classifies command-line mistakes: exit code 2.
var errFlags = errors.New("bad usage")

const runUsage = `Usage: wkw run [flags]

Reads the exported tables (emails, meetings, calls, users, leads, opt_outs) from
--input, scores every colleague's connection to every outside address, and
writes for every lead or contact its top introducers, with a draft email each,
as Parquet, an Excel workbook and a run manifest under --out.

Flags:
`

// runFlags are the flags of "wkw run"; "wkw validate" shares those that
// shape what is read and counted.
type runFlags struct {
	fs                                *pflag.FlagSet
	input, out, asOf, contrib, access *string
	domains, tmpl                     *string
	cpuProfile, memProfile            *string
	lookback, top, maxRcpt, maxAtt    *int
	halfLife, maxReject               *float64
	logJSON                           *bool
}

func newRunFlags(name string, stderr io.Writer, outputs bool) *runFlags {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	f := &runFlags{fs: fs}
	f.input = fs.String("input", "samples", "input `DIR` holding NAME.parquet or NAME/ for each table")
	f.out, f.tmpl = new(string), new(string)
	if outputs {
		f.out = fs.String("out", "out", "output `DIR`; this date's outputs are replaced as a whole")
	}
	f.asOf = fs.String("as-of", "", "as-of `DATE` (YYYY-MM-DD); interactions before 00:00 UTC of it count (default today, UTC)")
	f.lookback = fs.Int("lookback-days", pipeline.DefaultLookbackDays, "how many `DAYS` before the as-of date count")
	f.halfLife = fs.Float64("half-life-days", pipeline.DefaultHalfLifeDays, "an interaction's weight halves every `DAYS`")
	f.top = fs.Int("top", pipeline.DefaultTop, fmt.Sprintf("introducers kept per lead or contact, 1..%d", pipeline.MaxTop))
	f.contrib = fs.String("contributor-roles", "", "only users holding one of these comma-separated `ROLES` contribute (default: every user)")
	f.access = fs.String("access-roles", strings.Join(pipeline.DefaultAccessRoles, ","), "owners holding one of these comma-separated `ROLES` get drafts")
	f.domains = fs.String("internal-domains", "", "comma-separated internal `DOMAINS` (default: the domains of all users' emails)")
	f.maxRcpt = fs.Int("max-recipients", pipeline.DefaultMaxRecipients, "a message to more than `N` recipients is a broadcast and skipped")
	f.maxAtt = fs.Int("max-attendees", pipeline.DefaultMaxAttendees, "a meeting of more than `N` participants is skipped")
	f.maxReject = fs.Float64("max-reject-fraction", pipeline.DefaultMaxRejectFraction, "fail when more than this `FRACTION` (0..1) of emails, meetings or addresses is malformed")
	if outputs {
		f.tmpl = fs.String("template", "", "draft template `FILE` (Go text/template; default: built in)")
	}
	f.logJSON = fs.Bool("log-json", false, "log as JSON lines instead of text")
	f.cpuProfile = fs.String("cpuprofile", "", "write a CPU profile (pprof) of the run to `FILE`")
	f.memProfile = fs.String("memprofile", "", "write a heap profile (pprof) at the end of the run to `FILE`")
	return f
}

// parse reads args and resolves the options; help shown is errHelp.
func (f *runFlags) parse(args []string, stderr io.Writer) (pipeline.Options, error) {
	if err := f.fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return pipeline.Options{}, errHelp
		}
		return pipeline.Options{}, fmt.Errorf("%w: %w", errFlags, err)
	}
	if f.fs.NArg() > 0 {
		return pipeline.Options{}, fmt.Errorf("%w: unexpected argument %q", errFlags, f.fs.Arg(0))
	}
	o := pipeline.Options{
		Input:             *f.input,
		Out:               *f.out,
		LookbackDays:      *f.lookback,
		HalfLifeDays:      *f.halfLife,
		Top:               *f.top,
		MaxRecipients:     *f.maxRcpt,
		MaxAttendees:      *f.maxAtt,
		MaxRejectFraction: *f.maxReject,
		AccessRoles:       splitList(*f.access),
		AccessRolesGiven:  f.fs.Changed("access-roles"),
	}
	if f.fs.Changed("contributor-roles") {
		o.ContributorRoles = splitList(*f.contrib)
	}
	if f.fs.Changed("internal-domains") {
		o.InternalDomains = scoring.ParseDomains(*f.domains)
	}
	o.AsOf = time.Now().UTC()
	if f.fs.Changed("as-of") {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(*f.asOf))
		if err != nil {
			return o, fmt.Errorf("%w: --as-of %q: want a date like 2026-11-21", errFlags, *f.asOf)
		}
		o.AsOf = d
	}
	var h slog.Handler = slog.NewTextHandler(stderr, nil)
	if *f.logJSON {
		h = slog.NewJSONHandler(stderr, nil)
	}
	o.Log = slog.New(h)
	o.Mem = allocator()
	return o, nil
}

func runJob(ctx context.Context, args []string, stderr io.Writer) error {
	f := newRunFlags("wkw run", stderr, true)
	f.fs.Usage = func() {
		fmt.Fprint(stderr, runUsage)
		f.fs.PrintDefaults()
	}
	o, err := f.parse(args, stderr)
	if err != nil {
		return err
	}
	t, err := loadTemplate(*f.tmpl)
	if err != nil {
		return err
	}
	o.Template, o.TemplatePath = t, *f.tmpl
	stop, err := startProfiles(*f.cpuProfile, *f.memProfile)
	if err != nil {
		return err
	}
	_, err = pipeline.Run(ctx, o)
	return errors.Join(err, stop())
}

// loadTemplate reads and checks the template before any data is read; an
// empty path means the built-in one.
func loadTemplate(path string) (*drafts.Template, error) {
	if path == "" {
		return drafts.Default(), nil
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: --template: %w", errFlags, err)
	}
	return drafts.Parse(path, string(text))
}

// splitList reads a comma-separated flag value, trimming items and dropping
// empty ones.
func splitList(s string) []string {
	out := []string{}
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
