package scoring

import (
	"strconv"
	"strings"
	"testing"
)

// Ids survive growth, keys longer than a slot's inline part are told apart
// by their tails, and a key that only shares a prefix is not found.
func TestAddrIndexGrowthAndLongKeys(t *testing.T) {
	x := newAddrIndex()
	keys := &addrStore{}
	long := strings.Repeat("a", addrInline) + "@example.com"
	for i := range 20000 {
		k := "user" + strconv.Itoa(i) + "@example.com"
		if i%3 == 0 {
			k = long[:addrInline] + strconv.Itoa(i) + "@x.example" // shares its first addrInline bytes
		}
		b := []byte(k)
		h := x.hash(b)
		id, slot := x.find(b, h, keys)
		if id != -1 {
			t.Fatalf("%q found as %d before insertion", k, id)
		}
		if got := keys.add(b); got != int32(i) {
			t.Fatalf("store gave id %d, want %d", got, i)
		}
		x.insert(b, h, slot, int32(i), keys)
	}
	if len(x.slots) < 20000*4/3 {
		t.Fatalf("%d slots for 20000 keys: the table did not grow", len(x.slots))
	}
	for i := range int32(keys.len()) {
		k := keys.get(i)
		b := []byte(k)
		if id, _ := x.find(b, x.hash(b), keys); id != i {
			t.Fatalf("%q: id %d, want %d", k, id, i)
		}
	}
	for _, k := range []string{long[:addrInline], long[:addrInline] + "1", "user1@example.co", ""} {
		b := []byte(k)
		if id, _ := x.find(b, x.hash(b), keys); id != -1 {
			t.Errorf("%q: found as %d (%q), want absent", k, id, keys.get(id))
		}
	}
}

// An address longer than a store chunk gets a chunk of its own, and the
// addresses around it keep theirs.
func TestAddrStoreLongAddress(t *testing.T) {
	var s addrStore
	long := strings.Repeat("l", addrStoreChunk+10) + "@example.com"
	a := s.add([]byte("a@example.com"))
	b := s.add([]byte(long))
	c := s.add([]byte("c@example.com"))
	if s.get(a) != "a@example.com" || s.get(b) != long || s.get(c) != "c@example.com" || s.len() != 3 {
		t.Fatalf("got %q, %d bytes, %q; len %d", s.get(a), len(s.get(b)), s.get(c), s.len())
	}
	if string(s.bytes(c)) != "c@example.com" || len(s.chunks) != 3 {
		t.Errorf("bytes %q, %d chunks; want c@example.com and 3", s.bytes(c), len(s.chunks))
	}
}
