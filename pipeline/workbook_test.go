package pipeline

import (
	"context"
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// column returns the index of the header named name.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	i := slices.Index(header, name)
	if i < 0 {
		t.Fatalf("no column %q in %q", name, header)
	}
	return i
}

// The workbook of the samples holds exactly what the Parquet outputs hold:
// the same introducer rows in the same order, a Get-introduced link carrying
// each row's draft, the drafts, and the records without introducers; the
// lead named like a formula stays text.
func TestSamplesWorkbookMatchesParquet(t *testing.T) {
	out, man := runSamples(t)
	ins, ds := introducersOf(t, out), draftsOf(t, out)
	mailto := map[string]string{}
	for _, d := range ds {
		mailto[d.RecordID+"#"+strconv.Itoa(int(d.Rank))] = d.Mailto
	}
	path := filepath.Join(out, "reports", "who-knows-whom-2026-11-21.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Summary", "Introducers", "Drafts", "No introducer yet"}) {
		t.Fatalf("sheets = %q", got)
	}
	rows, err := f.GetRows("Introducers")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(ins) {
		t.Fatalf("Introducers sheet has %d rows, the Parquet %d", len(rows)-1, len(ins))
	}
	h := rows[0]
	lead, rank, id, link := column(t, h, "Lead"), column(t, h, "Rank"), column(t, h, "Record ID"), column(t, h, "Get introduced")
	linked := 0
	for i, r := range ins {
		row := rows[i+1]
		if row[id] != r.RecordID || row[rank] != strconv.Itoa(int(r.Rank)) || row[lead] != deref(r.LeadFullName) {
			t.Errorf("row %d = %q %q %q, Parquet %s %d %q", i+2, row[id], row[rank], row[lead], r.RecordID, r.Rank, deref(r.LeadFullName))
		}
		cell, _ := excelize.CoordinatesToCellName(link+1, i+2)
		has, target, err := f.GetCellHyperLink("Introducers", cell)
		if err != nil {
			t.Fatal(err)
		}
		if want, drafted := mailto[r.RecordID+"#"+strconv.Itoa(int(r.Rank))]; has != drafted || target != want {
			t.Errorf("%s rank %d: link %v %q, want %v %q", r.RecordID, r.Rank, has, target, drafted, want)
		}
		if has {
			linked++
		}
		if r.RecordID == "L04" {
			leadCell, _ := excelize.CoordinatesToCellName(lead+1, i+2)
			if formula, _ := f.GetCellFormula("Introducers", leadCell); formula != "" || row[lead] != `=HYPERLINK("http://x","y")` {
				t.Errorf("L04 lead cell %q has formula %q; want the literal text", row[lead], formula)
			}
		}
	}
	if linked != len(ds) || linked == 0 {
		t.Errorf("%d rows carry a link, want one per draft (%d)", linked, len(ds))
	}
	drafts, _ := f.GetRows("Drafts")
	if len(drafts)-1 != len(ds) {
		t.Errorf("Drafts sheet has %d rows, the Parquet %d", len(drafts)-1, len(ds))
	}
	gaps, _ := f.GetRows("No introducer yet")
	if want := man.Records["total"] - man.Records["with_introducers"]; int64(len(gaps)-1) != want {
		t.Errorf("No introducer yet has %d rows, want %d", len(gaps)-1, want)
	}

	// What a person's spreadsheet application reads: LibreOffice, if present
	// (CI installs it).
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but soffice is not on PATH: %v", err)
		}
		t.Skip("soffice not on PATH; install libreoffice-calc-nogui to run the LibreOffice check")
	}
	csvDir, profile := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", csvDir, path)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, log)
	}
	file, err := os.Open(filepath.Join(csvDir, "who-knows-whom-2026-11-21-Introducers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	cr := csv.NewReader(file)
	cr.FieldsPerRecord = -1
	lo, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(lo)-1 != len(ins) {
		t.Fatalf("LibreOffice reads %d introducer rows, the Parquet has %d", len(lo)-1, len(ins))
	}
	for i, r := range ins {
		row := lo[i+1]
		if row[id] != r.RecordID || row[rank] != strconv.Itoa(int(r.Rank)) || row[lead] != deref(r.LeadFullName) ||
			row[column(t, h, "Last interaction")] != r.LastInteractionAt.Format(time.DateOnly) {
			t.Errorf("LibreOffice row %d = %q, Parquet %s %d %q %s", i+2, row, r.RecordID, r.Rank, deref(r.LeadFullName), r.LastInteractionAt.Format(time.DateOnly))
		}
	}
}
