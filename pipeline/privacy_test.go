package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// hiddenPerson is someone who must not show up in outputs except as a record's
// owner.
type hiddenPerson struct{ id, email, name string }

// in reports whether text names p.
func (p hiddenPerson) in(text string) bool {
	lower := strings.ToLower(text)
	return strings.Contains(lower, p.email) || strings.Contains(text, p.name) || text == p.id
}

// ownerColumns are the workbook columns where a record's owner is named, and
// so where an opted-out or non-contributing owner may appear.
var ownerColumns = []string{"Owner", "From"}

// scanOutputs reads every output of a run — each Parquet file as rows, every
// workbook cell, the manifest — and reports each place one of hidden appears
// other than as a record's owner.
func scanOutputs(t *testing.T, out string, hidden []hiddenPerson) {
	t.Helper()
	for _, c := range connectionsOf(t, out) {
		for _, p := range hidden {
			if p.in(c.UserID) || p.in(c.UserEmail) || p.in(deref(c.UserFullName)) || p.in(c.ExternalAddress) {
				t.Errorf("connections: %s in %+v", p.name, c)
			}
		}
	}
	for _, r := range introducersOf(t, out) {
		for _, p := range hidden {
			for _, f := range []string{r.IntroducerUserID, r.IntroducerEmail, deref(r.IntroducerFullName), r.LeadEmail, deref(r.LeadFullName)} {
				if p.in(f) {
					t.Errorf("introducers: %s in %s rank %d", p.name, r.RecordID, r.Rank)
				}
			}
		}
	}
	for _, d := range draftsOf(t, out) {
		for _, p := range hidden {
			if p.in(d.ToAddress) || p.in(d.Mailto) && !p.in(d.FromAddress) {
				t.Errorf("drafts: %s in the draft of %s rank %d", p.name, d.RecordID, d.Rank)
			}
			if p.in(d.Body) && !p.in(d.FromAddress) {
				t.Errorf("drafts: %s named in the body of %s rank %d", p.name, d.RecordID, d.Rank)
			}
		}
	}
	manifests, _ := filepath.Glob(filepath.Join(out, "runs", "*.json"))
	for _, m := range manifests {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range hidden {
			if p.in(string(data)) {
				t.Errorf("manifest %s names %s", m, p.name)
			}
		}
	}
	books, _ := filepath.Glob(filepath.Join(out, "reports", "*.xlsx"))
	if len(books) != 1 {
		t.Fatalf("workbooks: %v", books)
	}
	f, err := excelize.OpenFile(books[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var header []string
		if len(rows) > 0 {
			header = rows[0]
		}
		for i, row := range rows {
			for j, cell := range row {
				if j < len(header) && slices.Contains(ownerColumns, header[j]) && sheet != "Summary" {
					continue
				}
				for _, p := range hidden {
					if p.in(cell) {
						t.Errorf("workbook sheet %q row %d column %d names %s: %q", sheet, i+1, j+1, p.name, cell)
					}
				}
			}
		}
	}
}

// Opted-out and disabled colleagues appear nowhere in the outputs of the
// samples but as the owners of their records.
func TestPrivacyOfSamples(t *testing.T) {
	out, _ := runSamples(t)
	scanOutputs(t, out, []hiddenPerson{
		{"u014", "olivia.chen@brightlane.example", "Olivia Chen"},   // opted out
		{"u015", "felix.wagner@brightlane.example", "Felix Wagner"}, // disabled
	})
	// An opted-out owner is still named, with no owner_score.
	named := false
	for _, r := range introducersOf(t, out) {
		if deref(r.OwnerUserID) == "u014" {
			named = true
			if deref(r.OwnerFullName) != "Olivia Chen" || r.OwnerScore != nil {
				t.Errorf("%s: owner %q, owner_score %v", r.RecordID, deref(r.OwnerFullName), r.OwnerScore)
			}
		}
	}
	if !named {
		t.Error("Olivia owns L07 in the story but is never named as its owner")
	}
}

// With --contributor-roles, colleagues outside those roles are left out of
// every output too.
func TestPrivacyWithContributorRoles(t *testing.T) {
	out := t.TempDir()
	o := options(t, smallOrg().write(t), out)
	o.ContributorRoles = []string{"salesperson"}
	mustRun(t, o)
	scanOutputs(t, out, []hiddenPerson{
		{"u2", "bob@corp.example", "Bob Stone"}, // an Engineer
		{"u3", "cat@corp.example", "Cat Opted"}, // opted out
		{"u4", "dan@corp.example", "Dan Gone"},  // disabled
	})
	// Ann, a Salesperson, still introduces Bob's contact.
	ins := introducersOf(t, out)
	if len(ins) != 1 || ins[0].RecordID != "L2" || ins[0].IntroducerUserID != "u1" {
		t.Errorf("introducers = %+v", ins)
	}
}
