package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/wkw/wkw/writers"
)

// Cut into parts, the connections are the same rows in the same order, the
// parts are full but for the last, and the manifest lists each.
func TestConnectionsInParts(t *testing.T) {
	out, man := runSamples(t)
	whole := connectionsOf(t, out)
	if len(whole) < 10 {
		t.Fatalf("only %d connections in the samples", len(whole))
	}

	defer func(n int) { connectionsPerPart = n }(connectionsPerPart)
	connectionsPerPart = 4
	cut, cutMan := runSamples(t)
	if got := connectionsOf(t, cut); !reflect.DeepEqual(got, whole) {
		t.Errorf("%d rows in parts differ from the %d of one file", len(got), len(whole))
	}
	parts := (len(whole) + 3) / 4
	var listed []OutputFile
	for _, o := range cutMan.Outputs {
		if filepath.Dir(o.Path) == filepath.Join("connections", "as_of=2026-11-21") {
			listed = append(listed, o)
		}
	}
	if len(listed) != parts {
		t.Fatalf("manifest lists %d connection parts, want %d", len(listed), parts)
	}
	for i, o := range listed {
		want := OutputFile{fmt.Sprintf("connections/as_of=2026-11-21/part-%05d.parquet", i), 4}
		if i == parts-1 {
			want.Rows = int64(len(whole) - 4*(parts-1))
		}
		if o != want {
			t.Errorf("part %d listed as %+v, want %+v", i, o, want)
		}
		if n := len(readParquet[writers.ConnectionRow](t, filepath.Join(cut, o.Path))); int64(n) != want.Rows {
			t.Errorf("%s holds %d rows, want %d", o.Path, n, want.Rows)
		}
	}
	if man.Outputs[0].Path != "connections/as_of=2026-11-21/part-00000.parquet" || man.Outputs[0].Rows != int64(len(whole)) {
		t.Errorf("one part: manifest lists %+v first", man.Outputs[0])
	}
}

// A stopped run stops writing connection rows within 64Ki rows.
func TestUntilDoneStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	all := func(yield func(int) bool) {
		for i := 0; i < 1<<20; i++ {
			if i == 1000 {
				cancel()
			}
			if !yield(i) {
				return
			}
		}
	}
	n := 0
	for range untilDone(ctx, all) {
		n++
	}
	if n != 1<<16-1 {
		t.Errorf("%d rows after the cancel at row 1000, want %d (the next check)", n, 1<<16-1)
	}
}
