package scoring

import (
	"strconv"
	"strings"
	"testing"
)

// InternKeys gives every address the id Intern gives it in a twin
// directory, in chunks and across chunk borders, with invalid ones -1 and
// counted.
func TestInternKeysMatchesIntern(t *testing.T) {
	one, err := NewDirectory(staff, staffOptOuts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	all, err := NewDirectory(staff, staffOptOuts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{
		"x%d@acme.example", "  X%d@ACME.example ", `"X %d" <x%d@Acme.Example>`,
		"not an address %d", "ÄNNE%d@Müller.example", "", "<>", "y%d@",
	}
	var raws []string
	for i := range 300 {
		f := forms[i%len(forms)]
		raws = append(raws, strings.ReplaceAll(f, "%d", strconv.Itoa(i%37)))
	}
	ids := make([]int32, len(raws))
	var keys Keys
	keys.Reset(all, len(raws), 0)
	for _, raw := range raws {
		keys.Add(raw)
	}
	invalid := all.InternKeys(&keys, ids)
	wantInvalid := 0
	for i, raw := range raws {
		want, ok := one.Intern(raw)
		if !ok {
			want = -1
			wantInvalid++
		}
		if ids[i] != want {
			t.Fatalf("%q: InternKeys id %d, Intern id %d", raw, ids[i], want)
		}
	}
	if invalid != wantInvalid || wantInvalid == 0 {
		t.Errorf("invalid %d, want %d (> 0)", invalid, wantInvalid)
	}
	if all.NumAddrs() != one.NumAddrs() {
		t.Errorf("%d addresses interned, want %d", all.NumAddrs(), one.NumAddrs())
	}
	for id := range int32(all.NumAddrs()) {
		if all.Addr(id) != one.Addr(id) || all.Contributor(id) != one.Contributor(id) || all.External(id) != one.External(id) {
			t.Errorf("id %d: %q/%d/%v, want %q/%d/%v", id, all.Addr(id), all.Contributor(id), all.External(id),
				one.Addr(id), one.Contributor(id), one.External(id))
		}
	}
}
