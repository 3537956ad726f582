package scoring

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// staff exercises every exclusion reason of §2 and §3.
var staff = []User{
	{ID: "u5", Email: "not an address", Roles: []string{"Salesperson"}},
	{ID: "u9", Email: "Dup@Brightlane.example", Roles: []string{"Salesperson"}},
	{ID: "u10", Email: "dup@brightlane.example", Roles: []string{"Salesperson"}}, // "u10" < "u9" byte-wise
	{ID: "u4", Email: "dis@brightlane.example", Disabled: true, Roles: []string{"Salesperson"}},
	{ID: "u6", Email: "opt@brightlane.example", Roles: []string{"Salesperson"}},
	{ID: "u7", Email: "Ann <ann@brightlane.example>", Roles: []string{" sales MANAGER "}},
	{ID: "u8", Email: "eng@brightlane.example", Roles: []string{"Engineer"}},
	{ID: "u2", Email: "noroles@brightlane.example"},
	{ID: "u3", Email: "both@brightlane.example", Disabled: true},
	{ID: "u1", Email: "", Disabled: true},
	{ID: "u0", Email: "shared@brightlane.example", Disabled: true},
	{ID: "u11", Email: "Shared@Brightlane.example"},
}

var staffOptOuts = []string{" OPT@BRIGHTLANE.EXAMPLE ", "Both <both@brightlane.example>", "not an address"}

func TestDirectoryContributors(t *testing.T) {
	tests := []struct {
		name  string
		roles []string
		want  []string // Excluded per member; "" for a contributor
	}{
		{
			name:  "with --contributor-roles",
			roles: []string{"Salesperson", "Sales Manager"},
			want: []string{
				ExcludedInvalidEmail, ExcludedDuplicateEmail, "", ExcludedDisabled, ExcludedOptedOut, "",
				ExcludedRoleFilter, ExcludedRoleFilter, ExcludedDisabled, ExcludedInvalidEmail,
				ExcludedDisabled, ExcludedDuplicateEmail,
			},
		},
		{
			name:  "without the flag every user contributes, with or without roles",
			roles: nil,
			want: []string{
				ExcludedInvalidEmail, ExcludedDuplicateEmail, "", ExcludedDisabled, ExcludedOptedOut, "",
				"", "", ExcludedDisabled, ExcludedInvalidEmail,
				ExcludedDisabled, ExcludedDuplicateEmail,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewDirectory(staff, staffOptOuts, tt.roles, nil)
			if err != nil {
				t.Fatalf("NewDirectory: %v", err)
			}
			wantCount := map[string]int64{}
			for i, m := range d.Members {
				if m.Excluded != tt.want[i] || m.Contributor != (tt.want[i] == "") {
					t.Errorf("%s: Excluded %q Contributor %v, want %q %v", m.ID, m.Excluded, m.Contributor, tt.want[i], tt.want[i] == "")
				}
				wantCount[tt.want[i]]++
			}
			for _, c := range d.Excluded() {
				if c.Value != wantCount[c.Name] {
					t.Errorf("Excluded()[%q] = %d, want %d", c.Name, c.Value, wantCount[c.Name])
				}
			}
			names := []string{ExcludedInvalidEmail, ExcludedDuplicateEmail, ExcludedDisabled, ExcludedOptedOut, ExcludedRoleFilter}
			var got []string
			for _, c := range d.Excluded() {
				got = append(got, c.Name)
			}
			if !slices.Equal(got, names) {
				t.Errorf("Excluded() reasons %q, want %q", got, names)
			}
		})
	}
}

func TestDirectoryMembers(t *testing.T) {
	d, err := NewDirectory(staff, staffOptOuts, nil, nil)
	if err != nil {
		t.Fatalf("NewDirectory: %v", err)
	}
	wantEmail := []string{"", "dup@brightlane.example", "dup@brightlane.example", "dis@brightlane.example",
		"opt@brightlane.example", "ann@brightlane.example", "eng@brightlane.example", "noroles@brightlane.example",
		"both@brightlane.example", "", "shared@brightlane.example", "shared@brightlane.example"}
	for i, m := range d.Members {
		if m.Email != wantEmail[i] {
			t.Errorf("%s: Email %q, want %q", m.ID, m.Email, wantEmail[i])
		}
		if want := m.ID == "u6" || m.ID == "u3"; m.OptedOut != want {
			t.Errorf("%s: OptedOut %v, want %v", m.ID, m.OptedOut, want)
		}
	}
	// The address belongs to its owner (u10), never to the ignored u9.
	dup, _ := d.Intern("DUP@brightlane.example")
	if got := d.Contributor(dup); got != 2 {
		t.Errorf("Contributor(dup@) = %d, want 2 (u10)", got)
	}
	// u0 owns shared@ but is disabled; u11 is ignored, so nobody contributes through it.
	shared, _ := d.Intern("shared@brightlane.example")
	if got := d.Contributor(shared); got != -1 {
		t.Errorf("Contributor(shared@) = %d, want -1", got)
	}
	if m, ok := d.MemberByID("u7"); !ok || m != 5 {
		t.Errorf("MemberByID(u7) = %d, %v, want 5, true", m, ok)
	}
	if _, ok := d.MemberByID("u404"); ok {
		t.Errorf("MemberByID(u404) found a member")
	}
	if !d.HoldsAnyRole(5, []string{"SALES manager\t"}) || d.HoldsAnyRole(5, []string{"Salesperson"}) {
		t.Errorf("HoldsAnyRole(u7) does not compare trimmed, case-insensitive roles")
	}
}

func TestDirectoryDuplicateUserID(t *testing.T) {
	users := []User{
		{ID: "u1", Email: "a@brightlane.example"},
		{ID: "u2", Email: "b@brightlane.example"},
		{ID: "u1", Email: "c@brightlane.example"},
	}
	_, err := NewDirectory(users, nil, nil, nil)
	var dup ErrDuplicateUserID
	if !errors.As(err, &dup) || dup.ID != "u1" {
		t.Fatalf("NewDirectory error = %v, want ErrDuplicateUserID{u1}", err)
	}
	if !strings.Contains(err.Error(), `"u1"`) {
		t.Errorf("error %q does not name the id", err)
	}
}

func TestParseDomains(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{" @Foo.example, .bar.example ,,", []string{"foo.example", "bar.example"}},
		{"BRIGHTLANE.Example", []string{"brightlane.example"}},
		{"", []string{}},
		{" , ,", []string{}},
	}
	for _, tt := range tests {
		got := ParseDomains(tt.in)
		if !slices.Equal(got, tt.want) || got == nil {
			t.Errorf("ParseDomains(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestDirectoryInternal(t *testing.T) {
	users := []User{
		{ID: "u1", Email: "ann@brightlane.example"},
		{ID: "u2", Email: "dis@corp.example", Disabled: true},
		{ID: "u3", Email: "opt@optco.example"},
		{ID: "u4", Email: "bad person@badco.example"}, // invalid: its domain is not internal
		{ID: "u5", Email: "gus@gmail.example"},
	}
	tests := []struct {
		name    string
		domains []string
		want    map[string]bool
	}{
		{
			name:    "default: the domains of all valid users, disabled and opted-out included",
			domains: nil,
			want: map[string]bool{
				"ann@brightlane.example":    true,
				"x@brightlane.example":      true,
				"x@eu.brightlane.example":   true,
				"x@a.eu.brightlane.example": true,
				"x@notbrightlane.example":   false,
				"x@brightlane.example.com":  false,
				"x@corp.example":            true,
				"x@optco.example":           true,
				"x@gmail.example":           true,
				"x@acme.example":            false,
				"x@badco.example":           false,
			},
		},
		{
			name:    "explicit --internal-domains",
			domains: ParseDomains(" @Brightlane.example, .bar.example ,,"),
			want: map[string]bool{
				"ann@brightlane.example":  true,
				"x@eu.brightlane.example": true,
				"x@notbrightlane.example": false,
				"x@bar.example":           true,
				"x@sub.bar.example":       true,
				"x@foobar.example":        false,
				"gus@gmail.example":       true, // a user's own free-mail address
				"x@gmail.example":         false,
				"dis@corp.example":        true, // every users.email is internal
				"x@corp.example":          false,
				"opt@optco.example":       true,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewDirectory(users, []string{"opt@optco.example"}, nil, tt.domains)
			if err != nil {
				t.Fatalf("NewDirectory: %v", err)
			}
			for a, want := range tt.want {
				if got := d.Internal(a); got != want {
					t.Errorf("Internal(%q) = %v, want %v", a, got, want)
				}
				id, ok := d.Intern(strings.ToUpper(a))
				if !ok {
					t.Fatalf("Intern(%q) failed", a)
				}
				if got := d.External(id); got == want {
					t.Errorf("External(%q) = %v, want %v", a, got, !want)
				}
			}
		})
	}
}

func TestIntern(t *testing.T) {
	d, err := NewDirectory(org, orgOptOuts, nil, nil)
	if err != nil {
		t.Fatalf("NewDirectory: %v", err)
	}
	ann, ok := d.Intern("Ann <ANN@Brightlane.example>")
	if !ok {
		t.Fatalf("Intern rejected Ann's display form")
	}
	for _, raw := range []string{"ann@brightlane.example", "\u00a0Ann@BRIGHTLANE.example\t", "<ann@brightlane.example>"} {
		if id, ok := d.Intern(raw); !ok || id != ann {
			t.Errorf("Intern(%q) = %d, %v, want %d, true", raw, id, ok, ann)
		}
	}
	x, _ := d.Intern("X@ACME.EXAMPLE")
	if x == ann {
		t.Errorf("two addresses share id %d", x)
	}
	for _, raw := range []string{"", "not an address", "Ann <>", "a@b"} {
		if id, ok := d.Intern(raw); ok || id != -1 {
			t.Errorf("Intern(%q) = %d, %v, want -1, false", raw, id, ok)
		}
	}
	if d.NumAddrs() != 2 || d.Addr(ann) != "ann@brightlane.example" || d.Addr(x) != "x@acme.example" {
		t.Errorf("interned %d addresses: %q, %q", d.NumAddrs(), d.Addr(ann), d.Addr(x))
	}
	if id, ok := d.Lookup("x@acme.example"); !ok || id != x {
		t.Errorf("Lookup(x@acme.example) = %d, %v", id, ok)
	}
	if _, ok := d.Lookup("stranger@acme.example"); ok {
		t.Errorf("Lookup found an address never interned")
	}
	if d.Contributor(ann) != 0 || d.Contributor(x) != -1 || d.External(ann) || !d.External(x) {
		t.Errorf("ann: contributor %d external %v; x: contributor %d external %v",
			d.Contributor(ann), d.External(ann), d.Contributor(x), d.External(x))
	}
	dan, _ := d.Intern("dan@brightlane.example")
	if d.Contributor(dan) != -1 || d.External(dan) {
		t.Errorf("opted-out dan: contributor %d external %v, want -1 false", d.Contributor(dan), d.External(dan))
	}
}

// TestInternCopiesReusedBuffer: readers hand Intern strings that alias a
// buffer they overwrite with the next batch.
func TestInternCopiesReusedBuffer(t *testing.T) {
	d, err := NewDirectory(org, nil, nil, nil)
	if err != nil {
		t.Fatalf("NewDirectory: %v", err)
	}
	buf := []byte("x@reuse.example")
	id, _ := d.Intern(unsafe.String(&buf[0], len(buf)))
	copy(buf, "y@reuse.example")
	if got := d.Addr(id); got != "x@reuse.example" {
		t.Fatalf("Addr after the buffer changed = %q, want x@reuse.example", got)
	}
	if _, ok := d.Lookup("x@reuse.example"); !ok {
		t.Errorf("Lookup lost the address after the buffer changed")
	}
}
