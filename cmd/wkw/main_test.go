package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samplesDir = "../../samples"

// cli runs the command in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	err := run(context.Background(), args, &out, &errw)
	code = exitCode(err, &errw)
	return code, out.String(), errw.String()
}

func TestExitCodes(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("Subject: hi\n\nDear {{.Lead.FullName\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	unknown := filepath.Join(t.TempDir(), "unknown.txt")
	if err := os.WriteFile(unknown, []byte("Subject: hi\n\nDear\n{{.Lead.Phone}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	in := []string{"run", "--input", samplesDir, "--as-of", "2026-11-21"}
	cases := []struct {
		name string
		args []string
		code int
		msg  string // a fragment of stderr
	}{
		{"no command", nil, 2, "name a command"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"run", "--frob"}, 2, "frob"},
		{"stray argument", []string{"run", "extra"}, 2, `unexpected argument "extra"`},
		{"top zero", append(in, "--top", "0"), 2, "--top"},
		{"top too large", append(in, "--top", "51"), 2, "--top"},
		{"top not a number", append(in, "--top", "five"), 2, "top"},
		{"bad month", []string{"run", "--as-of", "2026-13-01"}, 2, "--as-of"},
		{"negative look-back", append(in, "--lookback-days", "-1"), 2, "--lookback-days"},
		{"zero half-life", append(in, "--half-life-days", "0"), 2, "--half-life-days"},
		{"max recipients zero", append(in, "--max-recipients", "0"), 2, "--max-recipients"},
		{"empty contributor roles", append(in, "--contributor-roles", " , "), 2, "--contributor-roles"},
		{"unknown contributor role", append(in, "--contributor-roles", "Wizard", "--out", t.TempDir()), 2, `"Wizard"`},
		{"unknown access role", append(in, "--access-roles", "Wizard", "--out", t.TempDir()), 2, `"Wizard"`},
		{"template missing", append(in, "--template", "/no/such/template.txt"), 2, "--template"},
		{"template syntax error", append(in, "--template", bad), 2, "line 3"},
		{"template unknown field", append(in, "--template", unknown), 2, "line 4"},
		{"input missing", []string{"run", "--input", "/no/such/dir", "--out", t.TempDir()}, 1, "--input /no/such/dir"},
		{"samples", append(in, "--out", t.TempDir()), 0, "run finished"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := cli(t, c.args...)
			if code != c.code || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d, want %d; stderr must contain %q:\n%s", code, c.code, c.msg, stderr)
			}
		})
	}
}

func TestRunWritesEveryOutput(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := cli(t, "run", "--input", samplesDir, "--out", out, "--as-of", "2026-11-21"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, rel := range []string{
		"connections/as_of=2026-11-21/part-00000.parquet",
		"introducers/as_of=2026-11-21/part-00000.parquet",
		"drafts/as_of=2026-11-21/part-00000.parquet",
		"reports/who-knows-whom-2026-11-21.xlsx",
		"runs/2026-11-21.json",
	} {
		fi, err := os.Stat(filepath.Join(out, rel))
		if err != nil {
			t.Errorf("missing output: %v", err)
			continue
		}
		if perm := fi.Mode().Perm(); perm&0o027 != 0 {
			t.Errorf("%s has mode %v: group-writable or world-readable", rel, perm)
		}
	}
}

func TestHelp(t *testing.T) {
	code, _, stderr := cli(t, "run", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, flag := range []string{"--input", "--out", "--as-of", "--lookback-days", "--half-life-days", "--top",
		"--contributor-roles", "--access-roles", "--internal-domains", "--max-recipients", "--max-attendees", "--template"} {
		if !strings.Contains(stderr, flag) {
			t.Errorf("help does not mention %s", flag)
		}
	}
}

func TestTemplateCheck(t *testing.T) {
	code, stdout, stderr := cli(t, "template", "check", filepath.Join(samplesDir, "intro-template.txt"))
	if code != 0 || !strings.Contains(stdout, "Subject: ") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestGenerate(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--users", "1"}, "--users"},
		{[]string{"--parts", "0"}, "--parts"},
		{[]string{"--emails", "-1"}, "--emails"},
		{[]string{"--as-of", "2026-13-01"}, "--as-of"},
	} {
		code, _, stderr := cli(t, append([]string{"generate", "--out", t.TempDir()}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("generate %v: exit %d, stderr %q; want 2 naming %s", c.args, code, stderr, c.msg)
		}
	}
	dir := t.TempDir()
	code, _, stderr := cli(t, "generate", "--out", dir, "--users", "40", "--leads", "60", "--emails", "3000",
		"--meetings", "200", "--calls", "100", "--parts", "2", "--as-of", "2026-11-21")
	if code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	// What it wrote is a valid input: a run over it succeeds.
	if code, _, stderr := cli(t, "run", "--input", dir, "--out", t.TempDir(), "--as-of", "2026-11-21"); code != 0 {
		t.Fatalf("run over generated data: exit %d\n%s", code, stderr)
	}
}

// The closing summary on stderr gives the counts a scheduler's log needs.
func TestClosingSummary(t *testing.T) {
	code, _, stderr := cli(t, "run", "--input", samplesDir, "--out", t.TempDir(), "--as-of", "2026-11-21")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"connections=280", "introducer_rows=46", "drafts=40", "records_with_introducers=17", "records=20"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary lacks %s:\n%s", want, stderr)
		}
	}
}
