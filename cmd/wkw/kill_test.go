package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/xuri/excelize/v2"
)

// bigEmails is how many rows the larger input adds to the samples: enough
// that a run spends about a second reading and a visible while writing,
// so that kills land in every stage.
const bigEmails = 200_000

// The outputs of one run for asOf, relative to the output directory.
var outputsOf = []string{
	"connections/as_of=" + asOf + "/part-00000.parquet",
	"drafts/as_of=" + asOf + "/part-00000.parquet",
	"introducers/as_of=" + asOf + "/part-00000.parquet",
	"reports/who-knows-whom-" + asOf + ".xlsx",
	"runs/" + asOf + ".json",
}

// TestKillAndConcurrentRuns runs the real binary, kills it with SIGKILL at
// several moments and checks after each kill what a downstream reader
// would see: whole files, all of the previous run or all of a new one.
func TestKillAndConcurrentRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it a dozen times")
	}
	bin := filepath.Join(t.TempDir(), "wkw")
	if msg, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	big := bigInput(t)
	// The second run keeps fewer introducers, so that each of its files
	// differs from the first run's and a mix of the two shows.
	bigArgs := []string{"--input", big, "--top", "3"}

	t.Run("kill", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if code, stderr := runBin(t, bin, out, "--input", samplesDir); code != 0 {
			t.Fatalf("first run: exit %d\n%s", code, stderr)
		}
		checkOutputs(t, out, nil)
		old := hashTree(t, out)
		for _, d := range []time.Duration{0, 20, 50, 100, 200, 400} {
			c := startChild(t, bin, out, nil, bigArgs...)
			time.Sleep(d * time.Millisecond)
			c.kill()
			t.Logf("killed after %d ms: %s", d, checkOutputs(t, out, old))
		}
		// Moments of the write: the stage exists, outputs are being staged,
		// all are staged (the manifest comes last), the commit has begun.
		for _, moment := range []string{"stage-*", "stage-*/new/*", "stage-*/new/runs/*", "commit.json"} {
			c := startChild(t, bin, out, nil, bigArgs...)
			seen := c.waitFor(filepath.Join(out, privateDir, moment))
			c.kill()
			switch {
			case seen:
				t.Logf("killed once %s existed: %s", moment, checkOutputs(t, out, old))
			case moment == "commit.json":
				// The commit takes a millisecond; catching it is luck.
				t.Logf("the commit was not caught in the act")
			default:
				t.Fatalf("the run ended before %s was seen", moment)
			}
		}
		if code, stderr := runBin(t, bin, out, bigArgs...); code != 0 {
			t.Fatalf("run after the kills: exit %d\n%s", code, stderr)
		}
		if got := checkOutputs(t, out, old); got != "new" {
			t.Errorf("after a full run the outputs are %s, want new", got)
		}
		noStage(t, out)
		checkModes(t, out)
	})

	t.Run("concurrent", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		logPath := filepath.Join(t.TempDir(), "first.log")
		first := startChild(t, bin, out, &logPath, bigArgs...)
		first.waitLogged(t, logPath, "inputs checked")
		start := time.Now()
		code, stderr := runBin(t, bin, out, "--input", samplesDir)
		took := time.Since(start)
		if code != 1 || !strings.Contains(stderr, "locked") {
			t.Errorf("second run: exit %d, want 1 with \"locked\":\n%s", code, stderr)
		}
		if took > 2*time.Second {
			t.Errorf("second run took %v to give up; it should fail at once", took)
		}
		if <-first.done; first.err != nil {
			log, _ := os.ReadFile(logPath)
			t.Errorf("first run: %v\n%s", first.err, log)
		}
		if got := checkOutputs(t, out, nil); got != "new" {
			t.Errorf("outputs are %s, want the first run's", got)
		}
	})
}

// bigInput is the samples with emails as a directory of two parts: the
// samples' own rows and bigEmails more, each from a colleague to a distinct
// outside address in the window.
func bigInput(t *testing.T) string {
	t.Helper()
	dir := copySamples(t, "emails")
	copyFile(t, filepath.Join(samplesDir, "emails.parquet"), filepath.Join(dir, "emails", "part-00000.parquet"))
	type email struct {
		MessageID string    `parquet:"message_id"`
		SentAt    time.Time `parquet:"sent_at,timestamp(microsecond)"`
		From      string    `parquet:"from_address"`
		To        []string  `parquet:"to_addresses,list"`
	}
	senders := []string{"sam.patel@brightlane.example", "lena.fischer@brightlane.example", "helen.park@brightlane.example"}
	cutoff := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	rows := make([]email, bigEmails)
	for i := range rows {
		rows[i] = email{
			MessageID: fmt.Sprintf("big-%06d", i),
			SentAt:    cutoff.Add(-time.Duration(1+i%300*24) * time.Hour),
			From:      senders[i%len(senders)],
			To:        []string{fmt.Sprintf("contact%06d@client%03d.example", i, i%997)},
		}
	}
	if err := parquet.WriteFile(filepath.Join(dir, "emails", "part-00001.parquet"), rows); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runBin(t *testing.T, bin, out string, args ...string) (code int, stderr string) {
	t.Helper()
	var buf bytes.Buffer
	cmd := exec.Command(bin, append([]string{"run", "--out", out, "--as-of", asOf}, args...)...)
	cmd.Stderr = &buf
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), buf.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, buf.String()
}

// child is a run of the binary in the background.
type child struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once the process is reaped; err is then set
	err  error
}

// startChild starts a run writing to out; its log goes to the file logPath
// when given, else nowhere.
func startChild(t *testing.T, bin, out string, logPath *string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(bin, append([]string{"run", "--out", out, "--as-of", asOf}, args...)...), done: make(chan struct{})}
	if logPath != nil {
		f, err := os.Create(*logPath)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		c.cmd.Stderr = f
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	return c
}

// kill sends SIGKILL, which no process can catch, and reaps the child.
func (c *child) kill() {
	c.cmd.Process.Kill()
	<-c.done
}

// waitFor polls for a path matching pattern until it appears or the child
// exits, and reports whether it appeared.
func (c *child) waitFor(pattern string) bool {
	for {
		if m, _ := filepath.Glob(pattern); len(m) > 0 {
			return true
		}
		select {
		case <-c.done:
			return false
		default:
			time.Sleep(100 * time.Microsecond)
		}
	}
}

// waitLogged returns once the child's log file holds line.
func (c *child) waitLogged(t *testing.T, logPath, line string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if log, _ := os.ReadFile(logPath); bytes.Contains(log, []byte(line)) {
			return
		}
		select {
		case <-c.done:
			log, _ := os.ReadFile(logPath)
			t.Fatalf("the first run ended (%v) before logging %q:\n%s", c.err, line, log)
		default:
		}
	}
	t.Fatalf("the first run did not log %q within 20s", line)
}

// checkOutputs checks that out holds exactly the outputs of one run, each
// whole, and says whose they are: "old" when they are byte for byte the
// files hashed in old, "new" when none is and they agree with their
// manifest, "mixed" (and the test fails) otherwise.
func checkOutputs(t *testing.T, out string, old map[string]string) string {
	t.Helper()
	if got := visible(t, out); !slices.Equal(got, outputsOf) {
		t.Fatalf("visible outputs %v, want exactly %v", got, outputsOf)
	}
	cur := hashTree(t, out)
	var same []string
	for rel, sum := range cur {
		if old[rel] == sum {
			same = append(same, rel)
		}
	}
	switch {
	case len(same) == len(outputsOf):
		return "old"
	case len(same) > 0:
		// The five outputs are five paths, each swapped atomically; a kill
		// in the instant between two swaps leaves the commit journal behind,
		// and the next run finishes it. A mix without a journal would be a
		// mix nobody repairs.
		if _, err := os.Stat(filepath.Join(out, privateDir, "commit.json")); err != nil {
			t.Errorf("outputs mix two runs with no commit pending: %v are the previous run's, the others are not", same)
		}
		return "mixed, commit pending"
	}
	m, err := parseManifest(filepath.Join(out, outputsOf[4]))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int64{}
	for _, o := range m.Outputs {
		rows[o.Path] = o.Rows
	}
	for _, rel := range outputsOf[:3] {
		n, _, err := readParquet(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		if want, ok := rows[rel]; !ok || n != want {
			t.Fatalf("%s holds %d rows, its manifest says %d", rel, n, want)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, outputsOf[3]))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	for path, want := range rows {
		sheet, ok := strings.CutPrefix(path, outputsOf[3]+"#")
		if !ok {
			continue
		}
		got, err := f.GetRows(sheet)
		if err != nil || int64(len(got)) != want+1 {
			t.Fatalf("sheet %q: %d rows (%v), want a heading and the manifest's %d", sheet, len(got), err, want)
		}
	}
	return "new"
}

// checkModes fails on a file more open than 0640 or a directory more open
// than 0750 anywhere under out: the outputs hold personal data.
func checkModes(t *testing.T, out string) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		limit := fs.FileMode(0o640)
		if d.IsDir() {
			limit = 0o750
		}
		if perm := fi.Mode().Perm(); perm&^limit != 0 {
			t.Errorf("%s has mode %v, want %v or stricter", p, perm, limit)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
