package pipeline

import (
	"time"

	"github.com/wkw/wkw/scoring"
)

// Manifest is runs/D.json: what a run was asked to do, what it read, what it
// skipped and why, what it wrote, and how long each stage took. Its field
// names are part of the documented output (docs/schema.md).
type Manifest struct {
	Tool          string           `json:"tool"`
	SchemaVersion string           `json:"schema_version"`
	AsOf          string           `json:"as_of"`
	StartedAt     time.Time        `json:"started_at"`
	FinishedAt    time.Time        `json:"finished_at"`
	Settings      Settings         `json:"settings"`
	Inputs        []InputFile      `json:"inputs"`
	RowsRead      map[string]int64 `json:"rows_read"`
	Skipped       map[string]int64 `json:"skipped"`
	ExcludedUsers map[string]int64 `json:"excluded_users"`
	Records       map[string]int64 `json:"records"`
	Quality       Quality          `json:"quality"`
	Outputs       []OutputFile     `json:"outputs"`
	Timings       []Timing         `json:"timings"`
}

// Settings are the settings in effect, defaults resolved.
type Settings struct {
	Input            string   `json:"input"`
	Out              string   `json:"out"`
	AsOf             string   `json:"as_of"`
	WindowStart      string   `json:"window_start"`
	WindowEnd        string   `json:"window_end"`
	LookbackDays     int      `json:"lookback_days"`
	HalfLifeDays     float64  `json:"half_life_days"`
	Top              int      `json:"top"`
	MaxRecipients    int      `json:"max_recipients"`
	MaxAttendees     int      `json:"max_attendees"`
	ContributorRoles []string `json:"contributor_roles"` // null: every user may contribute
	AccessRoles      []string `json:"access_roles"`
	InternalDomains  []string `json:"internal_domains"`
	Template         string   `json:"template"`
}

// InputFile is one Parquet file read.
type InputFile struct {
	Table     string `json:"table"`
	Path      string `json:"path"`
	Bytes     int64  `json:"bytes"`
	Rows      int64  `json:"rows"`
	RowGroups int    `json:"row_groups"`
}

// OutputFile is one output, relative to the output directory.
type OutputFile struct {
	Path string `json:"path"`
	Rows int64  `json:"rows"`
}

// Timing is the wall time of one stage.
type Timing struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
}

// tableCounts are the rows dropped while reading the small tables.
type tableCounts struct {
	UsersNullID, LeadsNullID, OptOutsNull int64
	InvalidUTF8                           int64 // CRM text values repaired
}

func countMap(list []scoring.Count) map[string]int64 {
	m := make(map[string]int64, len(list))
	for _, c := range list {
		m[c.Name] = c.Value
	}
	return m
}

// stopwatch records stage timings in order.
type stopwatch struct {
	last    time.Time
	timings []Timing
}

func (s *stopwatch) lap(stage string) {
	now := time.Now()
	s.timings = append(s.timings, Timing{stage, now.Sub(s.last).Seconds()})
	s.last = now
}
