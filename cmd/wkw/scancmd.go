package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"
	"github.com/wkw/wkw/pipeline"
)

// scanCmd reads and decodes every column a run reads, touching every value,
// and nothing else: the baseline of bench/run.sh.
func scanCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("wkw scan", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	input := fs.String("input", "samples", "input `DIR`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: wkw scan [--input DIR]\n\nReads and decodes the columns a run reads and nothing else: the cost floor of a run.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return errHelp
		}
		return fmt.Errorf("%w: %w", errFlags, err)
	}
	start := time.Now()
	st, err := pipeline.ScanOnly(ctx, *input, nil, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "scanned %d rows, %d values, %d string bytes in %.2fs\n", st.Rows, st.Values, st.Bytes, time.Since(start).Seconds())
	return nil
}
