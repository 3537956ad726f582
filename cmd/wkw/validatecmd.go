package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/wkw/wkw/pipeline"
)

const validateUsage = `Usage: wkw validate [flags]

Checks the inputs exactly as a run would read them, writes nothing, and prints
what it found: the tables, their rows, schema problems, what would be rejected
or skipped and why, and whether a run would pass. Exit code 0 when a run would
pass, 1 when it would fail on the data, 2 for bad flags.

Flags:
`

func validateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newRunFlags("wkw validate", stderr, false)
	f.fs.Usage = func() {
		fmt.Fprint(stderr, validateUsage)
		f.fs.PrintDefaults()
	}
	o, err := f.parse(args, io.Discard)
	if err != nil {
		return err
	}
	stop, err := startProfiles(*f.cpuProfile, *f.memProfile)
	if err != nil {
		return err
	}
	v, err := pipeline.Validate(ctx, o)
	if err := errors.Join(err, stop()); err != nil {
		return err
	}
	printValidation(stdout, o, v)
	return v.Verdict
}

func printValidation(w io.Writer, o pipeline.Options, v *pipeline.Validation) {
	fmt.Fprintf(w, "Input %s, as of %s\n\nTables\n", o.Input, o.Date())
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, t := range v.Tables {
		need := "optional"
		if t.Required {
			need = "required"
		}
		switch {
		case t.Problem != "":
			fmt.Fprintf(tw, "  %s\t%s\tPROBLEM\t%s\n", t.Name, need, t.Problem)
		case !t.Found:
			fmt.Fprintf(tw, "  %s\t%s\tabsent\t\n", t.Name, need)
		default:
			fmt.Fprintf(tw, "  %s\t%s\tok\t%d rows in %d file(s)\n", t.Name, need, t.Rows, t.Files)
		}
	}
	tw.Flush()
	if m := v.Manifest; m != nil {
		fmt.Fprintln(w, "\nRejected or skipped, by reason")
		tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		keys := make([]string, 0, len(m.Skipped))
		for k, n := range m.Skipped {
			if n > 0 && !strings.HasPrefix(k, "drafts.") {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(tw, "  %s\t%d\t\n", k, m.Skipped[k])
		}
		tw.Flush()
		fmt.Fprintln(w, "\nColleagues left out, by reason")
		for _, k := range slices.Sorted(maps.Keys(m.ExcludedUsers)) {
			fmt.Fprintf(w, "  %s: %d\n", k, m.ExcludedUsers[k])
		}
		q := m.Quality
		fmt.Fprintf(w, "\nRejected as malformed: %.1f%% of %d emails, %.1f%% of %d meetings, %.1f%% of %d address occurrences (limit --max-reject-fraction %g)\n",
			100*q.EmailsRejected, q.EmailsSeen, 100*q.MeetingsRejected, q.MeetingsSeen, 100*q.AddressesRejected, q.AddressOccurrencesSeen, q.MaxRejectFraction)
	}
	if v.Verdict != nil {
		fmt.Fprintf(w, "\nA run would FAIL: %v\n", v.Verdict)
		return
	}
	fmt.Fprintln(w, "\nA run would pass.")
}
