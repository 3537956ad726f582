package pipeline

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wkw/wkw/samples"
	"github.com/wkw/wkw/writers"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runSamples runs the bundled samples with every setting at its default and
// the as-of date their story is written for.
func runSamples(t *testing.T) (string, *Manifest) {
	t.Helper()
	asOf, err := time.Parse(time.DateOnly, samples.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	if !asOf.Equal(testAsOf) {
		t.Fatalf("samples.AsOf %s differs from the tests' as-of %s", asOf, testAsOf)
	}
	out := t.TempDir()
	man := mustRun(t, options(t, "../samples", out))
	return out, man
}

// The introducers of the samples follow the story told in samples/README.md
// (as data in samples.Expected, itself checked against an independent
// reading of the contract).
func TestSamplesMatchTheStory(t *testing.T) {
	out, man := runSamples(t)
	got := map[string][]writers.IntroducerRow{}
	for _, r := range introducersOf(t, out) {
		got[r.RecordID] = append(got[r.RecordID], r)
	}
	drafts := map[string]int{}
	for _, d := range draftsOf(t, out) {
		drafts[d.RecordID]++
	}
	reasons := map[string]int64{}
	for _, e := range samples.Expected() {
		rows := got[e.RecordID]
		if e.Reason != "" {
			reasons[e.Reason]++
			if len(rows) != 0 {
				t.Errorf("%s (%s) has %d introducer rows", e.RecordID, e.Reason, len(rows))
			}
			continue
		}
		if len(rows) != len(e.Introducers) {
			t.Errorf("%s: %d introducers, want %d", e.RecordID, len(rows), len(e.Introducers))
			continue
		}
		for i, w := range e.Introducers {
			r := rows[i]
			if r.Rank != int32(i+1) || r.IntroducerUserID != w.UserID || r.IntroducerEmail != w.Email ||
				math.Round(r.Score) != float64(w.Score) || r.Band != w.Band {
				t.Errorf("%s rank %d: %s %s %.2f %s, want %s %s %d %s", e.RecordID, i+1,
					r.IntroducerUserID, r.IntroducerEmail, r.Score, r.Band, w.UserID, w.Email, w.Score, w.Band)
			}
			switch {
			case e.OwnerScore == nil && r.OwnerScore != nil:
				t.Errorf("%s: owner_score %v, want null", e.RecordID, *r.OwnerScore)
			case e.OwnerScore != nil && (r.OwnerScore == nil || math.Round(*r.OwnerScore) != float64(*e.OwnerScore)):
				t.Errorf("%s: owner_score %v, want %d", e.RecordID, r.OwnerScore, *e.OwnerScore)
			}
		}
		if drafts[e.RecordID] != e.Drafts {
			t.Errorf("%s: %d drafts, want %d", e.RecordID, drafts[e.RecordID], e.Drafts)
		}
	}
	for reason, key := range map[string]string{"invalid email": "invalid_email", "internal email": "internal_email", "no candidates": "nobody_knows"} {
		if man.Records[key] != reasons[reason] {
			t.Errorf("records[%s] = %d, story has %d", key, man.Records[key], reasons[reason])
		}
	}
}

// The full-precision introducers of the samples, checked by eye against the
// story once and kept as a golden file (go test ./pipeline -update rewrites
// it).
func TestSamplesGolden(t *testing.T) {
	out, _ := runSamples(t)
	var b strings.Builder
	fmt.Fprintln(&b, "record_id rank introducer_user_id score band emails_sent emails_received meetings calls last_interaction_at owner_score")
	for _, r := range introducersOf(t, out) {
		owner := "null"
		if r.OwnerScore != nil {
			owner = fmt.Sprintf("%.9f", *r.OwnerScore)
		}
		fmt.Fprintf(&b, "%s %d %s %.9f %s %d %d %d %d %s %s\n", r.RecordID, r.Rank, r.IntroducerUserID, r.Score, r.Band,
			r.EmailsSent, r.EmailsReceived, r.Meetings, r.Calls, r.LastInteractionAt.Format(time.RFC3339), owner)
	}
	golden := filepath.Join("testdata", "samples-introducers.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("introducers differ from %s:\n%s", golden, b.String())
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Connections are ordered by colleague email, then external address, byte-wise.
func TestConnectionsOrdered(t *testing.T) {
	out, _ := runSamples(t)
	conns := connectionsOf(t, out)
	if len(conns) < 100 {
		t.Fatalf("only %d connections", len(conns))
	}
	for i := 1; i < len(conns); i++ {
		a, b := conns[i-1], conns[i]
		if a.UserEmail > b.UserEmail || a.UserEmail == b.UserEmail && a.ExternalAddress >= b.ExternalAddress {
			t.Fatalf("rows %d and %d out of order: %s %s, then %s %s", i-1, i, a.UserEmail, a.ExternalAddress, b.UserEmail, b.ExternalAddress)
		}
	}
}
