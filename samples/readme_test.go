package samples

import (
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	readmeRecord  = regexp.MustCompile(`^### (L\d\d) · `)
	readmeRow     = regexp.MustCompile(`^\| (\d+) \| [^|(]*\((u\d{3}), ([^)]+)\) \| (\d+) \| (strong|moderate|weak) \|`)
	readmeOwner   = regexp.MustCompile(`^owner_score: (null|\d+)`)
	readmeDrafts  = regexp.MustCompile(`Drafts: (\d+)`)
	readmeNoRows  = regexp.MustCompile(`^No rows: (invalid email|internal email|no candidates)\.`)
	readmeCounter = regexp.MustCompile("^\\| (connections rows|[a-z_]+\\.[a-z_]+) \\| (\\d+) \\|$")
)

// parseReadme reads back what README.md promises, so the prose a newcomer
// checks by eye cannot drift from Expected.
func parseReadme(t *testing.T) ([]Expectation, map[string]int) {
	t.Helper()
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []Expectation
	counters := map[string]int{}
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("README: %v", err)
		}
		return n
	}
	for _, line := range strings.Split(string(text), "\n") {
		if m := readmeCounter.FindStringSubmatch(line); m != nil {
			counters[m[1]] = atoi(m[2])
			continue
		}
		if m := readmeRecord.FindStringSubmatch(line); m != nil {
			out = append(out, Expectation{RecordID: m[1]})
			continue
		}
		if len(out) == 0 {
			continue
		}
		e := &out[len(out)-1]
		if m := readmeRow.FindStringSubmatch(line); m != nil {
			if rank := atoi(m[1]); rank != len(e.Introducers)+1 {
				t.Errorf("README %s: rank %d out of order", e.RecordID, rank)
			}
			e.Introducers = append(e.Introducers, in(m[2], m[3], atoi(m[4]), m[5]))
		}
		if m := readmeOwner.FindStringSubmatch(line); m != nil && m[1] != "null" {
			e.OwnerScore = ptr(atoi(m[1]))
		}
		if m := readmeDrafts.FindStringSubmatch(line); m != nil {
			e.Drafts = atoi(m[1])
		}
		if m := readmeNoRows.FindStringSubmatch(line); m != nil {
			e.Reason = m[1]
		}
	}
	return out, counters
}

func TestReadmeMatchesExpected(t *testing.T) {
	got, _ := parseReadme(t)
	want := Expected()
	if len(got) != len(want) {
		t.Fatalf("README describes %d records, Expected() %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("README %s:\n got  %s\n want %s", want[i].RecordID, describe(got[i]), describe(want[i]))
		}
	}
}

func TestReadmeCounters(t *testing.T) {
	_, counters := parseReadme(t)
	_, _, m := derive(t)
	want := map[string]int{"connections rows": len(m.pairs), "calls.outside_window": 0}
	for k, v := range m.skipped {
		want[k] = v
	}
	if !reflect.DeepEqual(counters, want) {
		t.Errorf("README counters:\n got  %v\n want %v", counters, want)
	}
}
