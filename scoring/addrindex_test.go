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
	var keys []string
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
		keys = append(keys, k)
		x.insert(b, h, slot, int32(i), keys)
	}
	if len(x.slots) < 20000*4/3 {
		t.Fatalf("%d slots for 20000 keys: the table did not grow", len(x.slots))
	}
	for i, k := range keys {
		b := []byte(k)
		if id, _ := x.find(b, x.hash(b), keys); id != int32(i) {
			t.Fatalf("%q: id %d, want %d", k, id, i)
		}
	}
	for _, k := range []string{long[:addrInline], long[:addrInline] + "1", "user1@example.co", ""} {
		b := []byte(k)
		if id, _ := x.find(b, x.hash(b), keys); id != -1 {
			t.Errorf("%q: found as %d (%q), want absent", k, id, keys[id])
		}
	}
}
