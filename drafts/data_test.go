package drafts

import "testing"

func TestFirstName(t *testing.T) {
	tests := []struct {
		name, first, full, email, want string
	}{
		{"first name given", "Ann", "Annabel Lee", "ann@acme.example", "Ann"},
		{"first name trimmed", " \tAnn\n", "Annabel Lee", "ann@acme.example", "Ann"},
		{"first name with a space inside is kept whole", "Mary Ann", "Mary Ann Lee", "mal@acme.example", "Mary Ann"},
		{"blank first name falls back to the full name", "  ", "Annabel Lee", "ann@acme.example", "Annabel"},
		{"full name with odd white space", "", "\u00a0 Annabel\tLee \n", "ann@acme.example", "Annabel"},
		{"non-breaking space counts as blank", "\u00a0", "Annabel\u00a0Lee", "ann@acme.example", "Annabel"},
		{"both blank fall back to the local part", "", " \t", "ann.lee@acme.example", "ann.lee"},
		{"local part ends at the last @", "", "", `"a@b"@acme.example`, `"a@b"`},
		{"address is trimmed", "", "", " ann@acme.example ", "ann"},
		{"no @ means no local part", "", "", "ann", ""},
		{"nothing at all", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FirstName(tt.first, tt.full, tt.email); got != tt.want {
				t.Errorf("FirstName(%q, %q, %q) = %q, want %q", tt.first, tt.full, tt.email, got, tt.want)
			}
		})
	}
}

// The example record must exercise every branch a template guards with a
// truth test, so none of its text fields may be empty.
func TestExampleIsComplete(t *testing.T) {
	d := Example()
	for name, v := range map[string]string{
		"Lead.FullName": d.Lead.FullName, "Lead.FirstName": d.Lead.FirstName, "Lead.Email": d.Lead.Email,
		"Lead.Company": d.Lead.Company, "Lead.RecordType": d.Lead.RecordType,
		"Introducer.FullName": d.Introducer.FullName, "Introducer.FirstName": d.Introducer.FirstName,
		"Introducer.Email": d.Introducer.Email, "Introducer.Title": d.Introducer.Title,
		"Owner.FullName": d.Owner.FullName, "Owner.FirstName": d.Owner.FirstName,
		"Owner.Email": d.Owner.Email, "Owner.Title": d.Owner.Title, "Connection.Band": d.Connection.Band,
	} {
		if v == "" {
			t.Errorf("Example().%s is empty", name)
		}
	}
	if d.Connection.LastInteraction.IsZero() || d.Connection.LastInteraction.Location().String() != "UTC" {
		t.Errorf("Example().Connection.LastInteraction = %v, want a UTC time", d.Connection.LastInteraction)
	}
	if d.Connection.Band != "strong" || d.Connection.Score < 60 {
		t.Errorf("Example() band %q with score %v disagrees with the contract's bands", d.Connection.Band, d.Connection.Score)
	}
}
