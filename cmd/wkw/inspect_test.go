package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
)

// Helpers that look at an output directory the way a downstream reader
// would: through the files alone, never through wkw's own types.

const asOf = "2026-11-21"

// privateDir is wkw's area under the output directory; everything else in
// it is visible output.
const privateDir = ".wkw"

// manifest is the part of runs/D.json the tests read, with the field names
// docs/schema.md documents.
type manifest struct {
	StartedAt     time.Time        `json:"started_at"`
	RowsRead      map[string]int64 `json:"rows_read"`
	Skipped       map[string]int64 `json:"skipped"`
	ExcludedUsers map[string]int64 `json:"excluded_users"`
	Records       map[string]int64 `json:"records"`
	Quality       struct {
		EmailsSeen             int64 `json:"emails_seen"`
		AddressOccurrencesSeen int64 `json:"address_occurrences_seen"`
	} `json:"quality"`
	Outputs []struct {
		Path string `json:"path"`
		Rows int64  `json:"rows"`
	} `json:"outputs"`
}

func parseManifest(path string) (manifest, error) {
	var m manifest
	data, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("parse %s: %w", path, err)
	}
	return m, nil
}

// readManifest returns the counters of out's manifest for asOf, flattened
// to "section.name" keys; outputs.T is the row count of table T's Parquet
// file.
func readManifest(t *testing.T, out string) map[string]int64 {
	t.Helper()
	m, err := parseManifest(filepath.Join(out, "runs", asOf+".json"))
	if err != nil {
		t.Fatal(err)
	}
	flat := map[string]int64{
		"quality.emails_seen":              m.Quality.EmailsSeen,
		"quality.address_occurrences_seen": m.Quality.AddressOccurrencesSeen,
	}
	for section, counts := range map[string]map[string]int64{
		"rows_read": m.RowsRead, "skipped": m.Skipped, "excluded_users": m.ExcludedUsers, "records": m.Records,
	} {
		for k, v := range counts {
			flat[section+"."+k] = v
		}
	}
	for _, o := range m.Outputs {
		if strings.HasSuffix(o.Path, ".parquet") {
			flat["outputs."+strings.SplitN(o.Path, "/", 2)[0]] = o.Rows
		}
	}
	return flat
}

// hashTree returns the SHA-256 of every visible file under out, by path
// relative to out.
func hashTree(t *testing.T, out string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	for _, rel := range visible(t, out) {
		data, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		sums[rel] = hex.EncodeToString(sum[:])
	}
	return sums
}

// visible lists the files and empty directories under out outside the
// private area; a missing out has none.
func visible(t *testing.T, out string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == out {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch {
		case rel == privateDir:
			return fs.SkipDir
		case d.IsDir():
			if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 && p != out {
				found = append(found, rel+"/")
			}
		default:
			found = append(found, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// noStage fails when a run left a stage or a commit journal behind.
func noStage(t *testing.T, out string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(out, privateDir))
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "lock" {
			t.Errorf("%s/%s left behind", privateDir, e.Name())
		}
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o750)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o640)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readParquet reads every row of every row group of path with parquet-go,
// an independent reader, and returns the row count, checked against the
// footer, and the first string value that is not valid UTF-8.
func readParquet(path string) (rows int64, badUTF8 string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, "", err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return 0, "", fmt.Errorf("open %s: %w", path, err)
	}
	buf := make([]parquet.Row, 64)
	for _, rg := range pf.RowGroups() {
		rr := rg.Rows()
		for {
			n, err := rr.ReadRows(buf)
			for _, row := range buf[:n] {
				rows++
				for _, v := range row {
					if v.Kind() == parquet.ByteArray && badUTF8 == "" && !utf8.Valid(v.ByteArray()) {
						badUTF8 = string(v.ByteArray())
					}
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rr.Close()
				return rows, badUTF8, fmt.Errorf("read %s: %w", path, err)
			}
		}
		rr.Close()
	}
	if rows != pf.NumRows() {
		return rows, badUTF8, fmt.Errorf("%s: read %d rows, footer declares %d", path, rows, pf.NumRows())
	}
	return rows, badUTF8, nil
}

func parquetRows(t *testing.T, path string) int64 {
	t.Helper()
	n, _, err := readParquet(path)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func invalidUTF8In(t *testing.T, path string) string {
	t.Helper()
	_, bad, err := readParquet(path)
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// recordRows counts the rows of an introducers or drafts file for record id.
func recordRows(t *testing.T, path, id string) int {
	t.Helper()
	type row struct {
		RecordID string `parquet:"record_id"`
	}
	rows, err := parquet.ReadFile[row](path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if r.RecordID == id {
			n++
		}
	}
	return n
}
