package writers

import (
	"context"
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// csvExport is LibreOffice's CSV filter: comma, double quote, UTF-8, from
// line 1, values rather than formulas, and (the last token, LibreOffice 7.2
// and later) every sheet to its own FILE-SheetName.csv.
const csvExport = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// TestWorkbookReadsBackInLibreOffice opens the workbook in another
// spreadsheet application: what excelize reads back, LibreOffice must too.
func TestWorkbookReadsBackInLibreOffice(t *testing.T) {
	soffice := needSoffice(t)
	r := sampleReport()
	path, _ := writeSample(t, r)
	out, log := convertWithLibreOffice(t, soffice, path, csvExport)
	base := strings.TrimSuffix(filepath.Base(path), ".xlsx")

	intro := readCSV(t, filepath.Join(out, base+"-Introducers.csv"), log)
	if !reflect.DeepEqual(intro[0], wantIntroducerHeader) {
		t.Errorf("header = %q, want %q", intro[0], wantIntroducerHeader)
	}
	if len(intro)-1 != len(r.Introducers) {
		t.Fatalf("LibreOffice reads %d introducer rows, want %d", len(intro)-1, len(r.Introducers))
	}
	for i, ri := range r.Introducers {
		row := intro[i+1]
		want := []string{*ri.LeadFullName, deref(ri.LeadCompany), strconv.Itoa(int(ri.Rank)),
			ri.LastInteractionAt.UTC().Format(time.DateOnly)}
		got := []string{row[0], row[1], row[4], row[13]}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d: lead, company, rank, last interaction = %q, want %q", i+2, got, want)
		}
	}

	// An evaluated formula would read "2" here.
	gaps := readCSV(t, filepath.Join(out, base+"-No introducer yet.csv"), log)
	if got := gaps[2][0]; got != "=1+1" {
		t.Errorf("gap lead = %q, want the literal =1+1", got)
	}
}

// TestWorkbookLinksReadBackInLibreOffice has LibreOffice read the workbook
// and save it as a workbook of its own: a link it did not see would be
// missing from what it saves. The lowered limits spread the links over
// four sheets, each with its own relationships part.
func TestWorkbookLinksReadBackInLibreOffice(t *testing.T) {
	soffice := needSoffice(t)
	withLimits(t, 5, 3)
	r := sampleReport()
	path, stats := writeSample(t, r)
	out, log := convertWithLibreOffice(t, soffice, path, "xlsx")
	f := openBook(t, filepath.Join(out, filepath.Base(path)))

	next, links := 0, 0
	for _, s := range stats.Sheets {
		if !strings.HasPrefix(s.Name, "Introducers") {
			continue
		}
		for row := 2; row <= s.Rows+1; row++ {
			ri := r.Introducers[next]
			next++
			cell := "O" + strconv.Itoa(row)
			linked, target, err := f.GetCellHyperLink(s.Name, cell)
			if err != nil {
				t.Fatalf("%s!%s as LibreOffice saved it: %v\n%s", s.Name, cell, err, log)
			}
			if linked != (ri.Mailto != "") || !sameURL(target, ri.Mailto) {
				t.Errorf("LibreOffice reads %s!%s as linked %v to %q, want %q", s.Name, cell, linked, target, ri.Mailto)
			}
			if linked {
				links++
			}
		}
	}
	if next != len(r.Introducers) || links != 11 {
		t.Errorf("checked %d introducer rows and %d links, want %d rows and 11 links", next, links, len(r.Introducers))
	}
}

// sameURL compares URLs as LibreOffice keeps them: it saves the UTF-8 of a
// percent-escaped "é" as the letter itself.
func sameURL(a, b string) bool {
	ua, errA := url.PathUnescape(a)
	ub, errB := url.PathUnescape(b)
	return errA == nil && errB == nil && ua == ub
}

// needSoffice returns the path of LibreOffice's soffice, skipping the test
// when it is missing outside CI.
func needSoffice(t *testing.T) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but soffice is not on PATH: %v", err)
		}
		t.Skip("soffice not on PATH; install libreoffice-calc-nogui to run this test")
	}
	return soffice
}

// convertWithLibreOffice converts the workbook at path with the given
// --convert-to filter and returns the folder of the result and soffice's
// output.
func convertWithLibreOffice(t *testing.T, soffice, path, filter string) (string, []byte) {
	t.Helper()
	out := t.TempDir()
	// A private profile, so parallel runs and a desktop session don't clash.
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", filter, "--outdir", out, path)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	log, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, log)
	}
	return out, log
}

func readCSV(t *testing.T, path string, log []byte) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("LibreOffice wrote no %s (needs LibreOffice 7.2 or later): %v\n%s", filepath.Base(path), err, log)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}
