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

func runJob(ctx context.Context, args []string, stderr io.Writer) error {
	fs := pflag.NewFlagSet("wkw run", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	input := fs.String("input", "samples", "input `DIR` holding NAME.parquet or NAME/ for each table")
	out := fs.String("out", "out", "output `DIR`; this date's outputs are replaced as a whole")
	asOf := fs.String("as-of", "", "as-of `DATE` (YYYY-MM-DD); interactions before 00:00 UTC of it count (default today, UTC)")
	lookback := fs.Int("lookback-days", pipeline.DefaultLookbackDays, "how many `DAYS` before the as-of date count")
	halfLife := fs.Float64("half-life-days", pipeline.DefaultHalfLifeDays, "an interaction's weight halves every `DAYS`")
	top := fs.Int("top", pipeline.DefaultTop, fmt.Sprintf("introducers kept per lead or contact, 1..%d", pipeline.MaxTop))
	contrib := fs.String("contributor-roles", "", "only users holding one of these comma-separated `ROLES` contribute (default: every user)")
	access := fs.String("access-roles", strings.Join(pipeline.DefaultAccessRoles, ","), "owners holding one of these comma-separated `ROLES` get drafts")
	domains := fs.String("internal-domains", "", "comma-separated internal `DOMAINS` (default: the domains of all users' emails)")
	maxRcpt := fs.Int("max-recipients", pipeline.DefaultMaxRecipients, "a message to more than `N` recipients is a broadcast and skipped")
	maxAtt := fs.Int("max-attendees", pipeline.DefaultMaxAttendees, "a meeting of more than `N` participants is skipped")
	tmpl := fs.String("template", "", "draft template `FILE` (Go text/template; default: built in)")
	logJSON := fs.Bool("log-json", false, "log as JSON lines instead of text")
	fs.Usage = func() {
		fmt.Fprint(stderr, runUsage)
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

	o := pipeline.Options{
		Input:         *input,
		Out:           *out,
		LookbackDays:  *lookback,
		HalfLifeDays:  *halfLife,
		Top:           *top,
		MaxRecipients: *maxRcpt,
		MaxAttendees:  *maxAtt,
		AccessRoles:   splitList(*access),
	}
	o.AccessRolesGiven = fs.Changed("access-roles")
	if fs.Changed("contributor-roles") {
		o.ContributorRoles = splitList(*contrib)
	}
	if fs.Changed("internal-domains") {
		o.InternalDomains = scoring.ParseDomains(*domains)
	}
	o.AsOf = time.Now().UTC()
	if fs.Changed("as-of") {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(*asOf))
		if err != nil {
			return fmt.Errorf("%w: --as-of %q: want a date like 2026-11-21", errFlags, *asOf)
		}
		o.AsOf = d
	}
	t, err := loadTemplate(*tmpl)
	if err != nil {
		return err
	}
	o.Template, o.TemplatePath = t, *tmpl

	var h slog.Handler = slog.NewTextHandler(stderr, nil)
	if *logJSON {
		h = slog.NewJSONHandler(stderr, nil)
	}
	o.Log = slog.New(h)
	_, err = pipeline.Run(ctx, o)
	return err
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
