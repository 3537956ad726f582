package readers

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// encodeHeader encodes h with parquet-go's Thrift library, an encoder
// independent of the decoder under test.
func encodeHeader(t *testing.T, h *format.PageHeader) []byte {
	t.Helper()
	b, err := thrift.Marshal(new(thrift.CompactProtocol), h)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testHeaders() []*format.PageHeader {
	dataV1 := &format.PageHeader{Type: format.DataPage, UncompressedPageSize: 1 << 20, CompressedPageSize: 70_001, CRC: -5}
	dataV1.DataPageHeader.Set(format.DataPageHeader{
		NumValues: 123_456, Encoding: format.RLEDictionary, DefinitionLevelEncoding: format.RLE, RepetitionLevelEncoding: format.RLE,
		Statistics: format.Statistics{MinValue: []byte("aaron@example.com"), MaxValue: bytes.Repeat([]byte{0xff}, 300), NullCount: 7},
	})
	dataV2 := &format.PageHeader{Type: format.DataPageV2, UncompressedPageSize: 10, CompressedPageSize: 10}
	dataV2.DataPageHeaderV2.Set(format.DataPageHeaderV2{NumValues: 3, NumNulls: 1, NumRows: 2, Encoding: format.Plain, DefinitionLevelsByteLength: 2, RepetitionLevelsByteLength: 1, IsCompressed: thrift.New(false)})
	dict := &format.PageHeader{Type: format.DictionaryPage, UncompressedPageSize: 0, CompressedPageSize: 0}
	dict.DictionaryPageHeader.Set(format.DictionaryPageHeader{NumValues: 2_000_000_000, Encoding: format.Plain, IsSorted: true})
	return []*format.PageHeader{dataV1, dataV2, dict}
}

func TestParsePageHeaderMatchesThriftEncoder(t *testing.T) {
	want := []pageHeader{
		{typ: pageData, uncompressed: 1 << 20, compressed: 70_001, values: 123_456},
		{typ: pageDataV2, uncompressed: 10, compressed: 10, values: 3},
		{typ: pageDictionary, uncompressed: 0, compressed: 0, values: 2_000_000_000},
	}
	for i, h := range testHeaders() {
		enc := encodeHeader(t, h)
		// What follows a header is the page body, which must not be read.
		b := append(append([]byte{}, enc...), 0x15, 0x02, 0xff)

		got, n, err := parsePageHeader(b)

		if err != nil {
			t.Fatalf("header %d: %v", i, err)
		}
		if n != len(enc) {
			t.Errorf("header %d: length %d, want %d", i, n, len(enc))
		}
		if got != want[i] {
			t.Errorf("header %d: got %+v, want %+v", i, got, want[i])
		}
	}
}

// Arrow counts a page's values from the sub-header its type names; so must
// the walk, whatever other sub-headers the page carries.
func TestParsePageHeaderUsesTheSubHeaderOfItsType(t *testing.T) {
	both := &format.PageHeader{Type: format.DataPage, UncompressedPageSize: 8, CompressedPageSize: 8}
	both.DataPageHeader.Set(format.DataPageHeader{NumValues: 2})
	both.DataPageHeaderV2.Set(format.DataPageHeaderV2{NumValues: 3, NumRows: 3})
	h, _, err := parsePageHeader(encodeHeader(t, both))
	if err != nil || h.values != 2 {
		t.Fatalf("values = %d, %v; want 2 from data_page_header", h.values, err)
	}

	wrong := &format.PageHeader{Type: format.DataPage, UncompressedPageSize: 8, CompressedPageSize: 8}
	wrong.DataPageHeaderV2.Set(format.DataPageHeaderV2{NumValues: 3, NumRows: 3})
	if _, _, err := parsePageHeader(encodeHeader(t, wrong)); err == nil || !strings.Contains(err.Error(), "lacks its sub-header") {
		t.Fatalf("a data page with only a v2 sub-header: err = %v", err)
	}
}

func TestParsePageHeaderV2Sizes(t *testing.T) {
	v2 := func(uncompressed, compressed, def, rep int32, isCompressed bool) []byte {
		h := &format.PageHeader{Type: format.DataPageV2, UncompressedPageSize: uncompressed, CompressedPageSize: compressed}
		h.DataPageHeaderV2.Set(format.DataPageHeaderV2{NumValues: 3, NumRows: 3,
			DefinitionLevelsByteLength: def, RepetitionLevelsByteLength: rep, IsCompressed: thrift.New(isCompressed)})
		return encodeHeader(t, h)
	}
	tests := []struct {
		name string
		b    []byte
		want string // "" for accepted
	}{
		{"compressed, sizes differ", v2(100, 40, 2, 1, true), ""},
		{"uncompressed, sizes agree", v2(100, 100, 2, 1, false), ""},
		{"uncompressed, sizes differ", v2(1100, 100, 2, 1, false), "uncompressed page declares 100 bytes stored, 1100 bytes of content"},
		{"levels longer than the page", v2(100, 40, 30, 20, true), "levels of 50 bytes exceed the page's sizes (40, 100)"},
		{"negative level length", v2(100, 40, -1, 0, true), "negative level lengths"},
	}
	for _, tt := range tests {
		_, _, err := parsePageHeader(tt.b)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// An uncompressed v2 page that claims more content than it stores made
// arrow read on into the next pages and then, at the chunk's end, loop on a
// stale header forever (found in review, with the header planted where
// arrow's 128 KiB buffer refills).
func TestScanRejectsUncompressedV2Overread(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.parquet")
	sc := arrow.NewSchema([]arrow.Field{{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true}}, nil)
	writeArrow(t, path, sc, func(b *array.RecordBuilder) {
		sb := b.Field(0).(*array.StringBuilder)
		sb.Append("")
		sb.Append(string(bytes.Repeat([]byte{'A'}, 200<<10)))
		sb.Append("z")
	}, parquet.WithDictionaryDefault(false), parquet.WithCompression(compress.Codecs.Uncompressed),
		parquet.WithDataPageVersion(parquet.DataPageV2), parquet.WithBatchSize(1), parquet.WithDataPageSize(1024))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The chunk starts at 4 with "type DATA_PAGE_V2, uncompressed size ...".
	if !bytes.Equal(b[4:7], []byte{0x15, 0x06, 0x15}) {
		t.Fatalf("unexpected layout % x", b[4:7])
	}
	u, n := binary.Uvarint(b[7:])
	if binary.PutUvarint(b[7:], u+2000) != n { // zigzag: 1000 bytes more
		t.Fatal("the larger size needs a longer varint")
	}
	copy(b[4+128<<10:], []byte{0x15, 0x02, 0x15, 0x00, 0x15, 0x00, 0x00}) // an index page header
	writeBytes(t, path, b)
	tbl := mustOpen(t, dir, "t", []Column{{Name: "s", Kind: String}})

	err = scanWithin(t, tbl)

	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "page 0 at offset 4: page header: uncompressed page declares") {
		t.Fatalf("Scan = %v, want ErrCorrupt about page 0's sizes", err)
	}
}

func TestParsePageHeaderTruncated(t *testing.T) {
	for i, h := range testHeaders() {
		enc := encodeHeader(t, h)
		for cut := 0; cut < len(enc); cut++ {
			if _, _, err := parsePageHeader(enc[:cut]); !errors.Is(err, errShortHeader) {
				t.Fatalf("header %d cut to %d of %d bytes: err = %v, want errShortHeader", i, cut, len(enc), err)
			}
		}
	}
}

func TestParsePageHeaderDamaged(t *testing.T) {
	nested := bytes.Repeat([]byte{0x1c}, 40) // field 1, struct, 40 deep
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		// field 4 a list of 2^35 i32s: refused before any is read
		{"list count beyond the bytes", []byte{0x15, 0x00, 0x19, 0xf5, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00}, errShortHeader.Error()},
		{"structs nested too deep", append(append([]byte{0x15, 0x00}, nested...), bytes.Repeat([]byte{0}, 41)...), "nested too deep"},
		{"i32 beyond 32 bits", []byte{0x15, 0x80, 0x80, 0x80, 0x80, 0x20, 0x00}, "out of range"},
		{"unknown type", []byte{0x1d, 0x00}, "unknown thrift type 13"},
		{"varint over 10 bytes", append([]byte{0x15}, bytes.Repeat([]byte{0xff}, 11)...), "varint longer than 10 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parsePageHeader(tt.b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

type pageRow struct {
	ID   string `parquet:"id"`
	Note string `parquet:"note,optional"`
}

// writePages writes 1000 rows with small pages, so each chunk holds several.
func writePages(t *testing.T, path string) {
	t.Helper()
	rows := make([]pageRow, 1000)
	for i := range rows {
		rows[i] = pageRow{ID: strings.Repeat("x", i%40), Note: "n"}
	}
	writeGo(t, path, rows)
}

// scanWithin scans tbl, failing the test if it does not return in time:
// the damage these tests make used to hang arrow's page reader.
func scanWithin(t *testing.T, tbl *Table) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- scan(t, tbl, 64, func(*Batch) error { return nil }) }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("scan did not return within 10 s")
		return nil
	}
}

func TestScanRejectsDamagedPageChains(t *testing.T) {
	cols := []Column{{Name: "id", Kind: String, Required: true}, {Name: "note", Kind: String}}
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   string
	}{
		{"chunk declares more values than its pages hold", func(t *testing.T, path string) {
			patchFooter(t, path, func(md *format.FileMetaData) { md.RowGroups[0].Columns[1].MetaData.NumValues++ })
		}, "column 1 (note): pages end at offset"},
		{"row group declares more rows than its pages hold", func(t *testing.T, path string) {
			patchFooter(t, path, func(md *format.FileMetaData) {
				md.NumRows++
				md.RowGroups[0].NumRows++
				for c := range md.RowGroups[0].Columns {
					md.RowGroups[0].Columns[c].MetaData.NumValues++
				}
			})
		}, "column 0 (id): pages end at offset"},
		{"chunk declares fewer values than its pages hold", func(t *testing.T, path string) {
			patchFooter(t, path, func(md *format.FileMetaData) { md.RowGroups[0].Columns[0].MetaData.NumValues-- })
		}, "column 0 (id): pages hold at least 1000 values, chunk declares 999"},
		{"chunk longer than the file", func(t *testing.T, path string) {
			patchFooter(t, path, func(md *format.FileMetaData) { md.RowGroups[0].Columns[1].MetaData.TotalCompressedSize += 1 << 20 })
		}, "lies outside the"},
		{"chunk shorter than its pages", func(t *testing.T, path string) {
			patchFooter(t, path, func(md *format.FileMetaData) { md.RowGroups[0].Columns[0].MetaData.TotalCompressedSize -= 10 })
		}, "runs past the chunk's end"},
		{"first page an index page", func(t *testing.T, path string) {
			patchFirstPage(t, path, 1, func(h *format.PageHeader) { h.Type = format.IndexPage })
		}, "unsupported page type 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "users.parquet")
			writePages(t, path)
			tt.damage(t, path)
			tbl := mustOpen(t, dir, "users", cols)

			err := scanWithin(t, tbl)

			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Scan = %v, want ErrCorrupt", err)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "row group 0") || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not name the file, row group and %q", msg, tt.want)
			}
		})
	}
}

// patchFirstPage re-encodes the first page header of column c in row group
// 0, which must keep its length.
func patchFirstPage(t *testing.T, path string, c int, edit func(h *format.PageHeader)) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pf, _, err := openParquet(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := pf.MetaData().RowGroup(0).ColumnChunk(c)
	pf.Close()
	if err != nil {
		t.Fatal(err)
	}
	off := cc.DataPageOffset()
	if cc.HasDictionaryPage() && cc.DictionaryPageOffset() > 0 {
		off = min(off, cc.DictionaryPageOffset())
	}
	_, n, err := parsePageHeader(b[off:])
	if err != nil {
		t.Fatal(err)
	}
	var h format.PageHeader
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[off:off+int64(n)], &h); err != nil {
		t.Fatal(err)
	}
	edit(&h)
	enc := encodeHeader(t, &h)
	if len(enc) != n {
		t.Fatalf("patched header is %d bytes, was %d", len(enc), n)
	}
	copy(b[off:], enc)
	writeBytes(t, path, b)
}
