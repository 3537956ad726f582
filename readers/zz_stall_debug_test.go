package readers

import (
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"fmt"
)

func TestZZStall(t *testing.T) {
	dir := "testdata/fuzz/FuzzOpenAndScan"
	ents, _ := os.ReadDir(dir)
	var seeds [][]byte
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		lines := strings.SplitN(string(b), "\n", 3)
		s := strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")")
		u, err := strconv.Unquote(s)
		if err != nil { t.Fatal(err) }
		seeds = append(seeds, []byte(u))
	}
	r := rand.New(rand.NewSource(int64(os.Getpid())))
	f := FuzzOpenAndScan
	_ = f
	for i := 0; i < 30000; i++ {
		d := append([]byte(nil), seeds[r.Intn(len(seeds))]...)
		for k := 0; k < 1+r.Intn(4); k++ {
			switch r.Intn(5) {
			case 3:
				p := r.Intn(len(d)); v := int32(r.Intn(1<<31)) * []int32{1, -1}[r.Intn(2)]; for q := 0; q < 4 && p+q < len(d); q++ { d[p+q] = byte(v >> (8 * q)) }
			case 4:
				p := r.Intn(len(d)); d = append(d[:p:p], d[min(len(d), p+1+r.Intn(8)):]...); if len(d) == 0 { d = []byte{0} }
			case 0:
				d[r.Intn(len(d))] = byte(r.Intn(256))
			case 1:
				p := r.Intn(len(d)); d[p] ^= 1 << r.Intn(8)
			case 2:
				p := r.Intn(len(d)); d[p] = []byte{0, 0xff, 0x7f, 0x80}[r.Intn(4)]
			}
		}
		os.WriteFile(fmt.Sprintf("/dev/shm/cur.parquet"), d, 0o644)
		tmp := t.TempDir()
		os.WriteFile(filepath.Join(tmp, "emails.parquet"), d, 0o644)
		if tbl, err := Open(tmp, "emails", fuzzEmailColumns); err == nil {
			scan(t, tbl, 100, func(b *Batch) error { touchEmails(b); return nil })
		}
	}
}
