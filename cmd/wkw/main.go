package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/wkw/wkw/drafts"
	"github.com/wkw/wkw/pipeline"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// errHelp means help was asked for and shown: success.
var errHelp = errors.New("help shown")

// exitCode maps an error to the contract's exit codes and reports it.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil || errors.Is(err, errHelp):
		return 0
	case errors.Is(err, pipeline.ErrUsage), errors.Is(err, drafts.ErrTemplate), errors.Is(err, errFlags):
		fmt.Fprintf(stderr, "wkw: %v\n", err)
		return 2
	default:
		fmt.Fprintf(stderr, "wkw: %v\n", err)
		return 1
	}
}

const usage = `wkw — who knows whom

Finds, for every lead or contact, the colleagues best placed to introduce its
owner, from the company's exported emails, meetings and calls.

Usage:
  wkw run [flags]             run the nightly job (see wkw run --help)
  wkw validate [flags]        check the inputs without writing anything
  wkw template check FILE     check a draft template and print it rendered for an example
  wkw generate [flags]        write synthetic input tables of any size (see wkw generate --help)
  wkw scan [--input DIR]      only read and decode the columns a run reads: the speed baseline
  wkw help                    show this text

Exit codes: 0 success, 1 the run failed (bad data, I/O), 2 bad usage or configuration.
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: name a command", errFlags)
	}
	switch args[0] {
	case "run":
		return runJob(ctx, args[1:], stderr)
	case "validate":
		return validateCmd(ctx, args[1:], stdout, stderr)
	case "generate":
		return generateCmd(ctx, args[1:], stdout, stderr)
	case "scan":
		return scanCmd(ctx, args[1:], stdout, stderr)
	case "template":
		return templateCmd(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: unknown command %q", errFlags, args[0])
	}
}
