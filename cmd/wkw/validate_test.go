package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateSamples(t *testing.T) {
	wd, _ := os.Getwd()
	code, stdout, stderr := cli(t, "validate", "--input", samplesDir, "--as-of", "2026-11-21")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"emails    required  ok  319 rows in 1 file(s)",
		"emails.broadcast                      1",
		"opted_out: 1",
		"0.9% of 317 emails",
		"A run would pass.",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(wd, "out")); err == nil {
		t.Errorf("validate wrote ./out")
	}
}

func TestValidateReportsProblems(t *testing.T) {
	in := t.TempDir()
	for _, name := range []string{"users.parquet", "leads.parquet"} {
		data, err := os.ReadFile(filepath.Join(samplesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "calls.parquet"), []byte("not parquet"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := cli(t, "validate", "--input", in, "--as-of", "2026-11-21")
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, stdout)
	}
	for _, want := range []string{"emails    required  PROBLEM  missing", "calls     optional  PROBLEM", "calls.parquet", "A run would FAIL"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
}
