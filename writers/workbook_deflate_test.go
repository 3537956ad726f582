package writers

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWorkbookCRC32Combine(t *testing.T) {
	text := []byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 300))
	for _, cut := range []int{0, 1, 7, 64, 4096, len(text) - 1, len(text)} {
		a, b := text[:cut], text[cut:]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
		if want := crc32.ChecksumIEEE(text); got != want {
			t.Errorf("cut at %d: combined CRC %08x, want %08x", cut, got, want)
		}
	}
}

// TestWorkbookPartsInPieces writes parts made of pieces, empty ones among
// them, and reads them back: the zip reader checks each entry's CRC and
// sizes as it reaches the end.
func TestWorkbookPartsInPieces(t *testing.T) {
	contents := map[string][]string{
		"a.xml": {"<a>", strings.Repeat("<row>text &amp; more</row>", 5000), "", "</a>"},
		"b.xml": {""},
		"c.xml": {strings.Repeat("x", 70000), strings.Repeat("y", 3)},
	}
	names := []string{"a.xml", "b.xml", "c.xml"}
	var parts []*part
	for _, name := range names {
		p := &part{name: name}
		for _, s := range contents[name] {
			p.add(func(b []byte) []byte { return append(b, s...) })
		}
		parts = append(parts, p)
	}
	stop := compressParts(parts)
	defer stop()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		if err := p.write(zw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}

	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(names) {
		t.Fatalf("zip has %d entries, want %d", len(zr.File), len(names))
	}
	for i, zf := range zr.File {
		want := strings.Join(contents[names[i]], "")
		if zf.Name != names[i] || zf.Method != zip.Deflate {
			t.Errorf("entry %d is %s with method %d, want %s with Deflate", i, zf.Name, zf.Method, names[i])
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || string(got) != want {
			t.Errorf("%s reads back %d bytes (err %v), want %d", zf.Name, len(got), err, len(want))
		}
	}
}

var errDiskFull = errors.New("disk full")

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWorkbookWriteFailsPartWay has the file fail while the data sheets are
// still being compressed: the error comes back and no goroutine is left.
func TestWorkbookWriteFailsPartWay(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	_, sheets, err := buildWorkbook(f, largeReport(20_000, 20_000))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(pkg.Bytes()), int64(pkg.Len()))
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	err = writePackage(&failingWriter{n: 1 << 20}, zr, sheets)
	if !errors.Is(err, errDiskFull) {
		t.Fatalf("err = %v, want the writer's", err)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before writing, %d after", before, after)
	}
}
