// Command gen regenerates the sample organisation's Parquet files:
//
//	go run ./samples/gen            # from the module root
//	go generate ./samples           # the same, via samples/doc.go
//
// The files are checked in; TestWriteMatchesCheckedInFiles fails when they
// are stale.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/wkw/wkw/samples"
)

func main() {
	out := flag.String("out", "samples", "directory to write the six sample tables into")
	flag.Parse()
	if err := samples.Write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
