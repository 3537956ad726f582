package readers

import (
	"errors"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v17/parquet/metadata"
)

// Arrow v17's page reader trusts the page headers too far to be handed a
// damaged column chunk. When the pages end before the values the chunk
// declares, its buffered reader keeps returning the bytes it last held as if
// they were new, and serializedPageReader.Next loops on that stale header
// forever, deferring one buffer release per pass until memory runs out. It
// also skips the header but not the body of a page type it does not know.
// checkPages therefore walks a row group's page headers before arrow does
// and rejects any chunk whose pages do not lie end to end inside its bytes
// and add up to exactly its values.

// Mirrors of arrow's limits (parquet/file: defaultPageHeaderSize,
// defaultMaxPageHeaderSize, maxDictHeaderSize).
const (
	pageHeaderPeek    = 16 << 10
	maxPageHeaderSize = 16 << 20
	oldWriterPadding  = 100
)

// Page types, from parquet.thrift.
const (
	pageData       = 0
	pageIndex      = 1
	pageDictionary = 2
	pageDataV2     = 3
)

type pageHeader struct {
	typ, uncompressed, compressed int32
	values                        int32 // of a data or dictionary page
}

// checkPages walks the page headers of the column chunks leaves of row group
// rg, which src (size bytes long) holds.
func checkPages(src io.ReaderAt, size int64, md *metadata.FileMetaData, rg int, leaves []int) error {
	g := md.RowGroup(rg)
	old := md.WriterVersion().LessThan(metadata.Parquet816FixedVersion)
	for _, c := range leaves {
		col, err := g.ColumnChunk(c)
		if err != nil {
			return fmt.Errorf("column %d: %w", c, err)
		}
		if err := checkChunkPages(src, size, col, old); err != nil {
			return fmt.Errorf("column %d (%s): %w", c, col.PathInSchema(), err)
		}
	}
	return nil
}

func checkChunkPages(src io.ReaderAt, size int64, col *metadata.ColumnChunkMetaData, old bool) error {
	if col.CryptoMetadata() != nil {
		return errors.New("column chunk is encrypted")
	}
	// The same bounds arrow's RowGroupReader.GetColumnPageReader reads.
	start := col.DataPageOffset()
	if col.HasDictionaryPage() && col.DictionaryPageOffset() > 0 && start > col.DictionaryPageOffset() {
		start = col.DictionaryPageOffset()
	}
	length := col.TotalCompressedSize()
	if start < 0 || length < 0 || start > size || length > size-start {
		return fmt.Errorf("chunk at offset %d, length %d, lies outside the %d-byte file", start, length, size)
	}
	end := start + length
	if old {
		end += min(oldWriterPadding, size-end)
	}
	want := col.NumValues()
	if want < 0 {
		return fmt.Errorf("chunk declares %d values", want)
	}
	var got int64
	buf := make([]byte, 0, 256)
	for pos, page := start, 0; got < want; page++ {
		if pos == end {
			return fmt.Errorf("pages end at offset %d holding %d values, chunk declares %d", pos, got, want)
		}
		h, n, err := readPageHeader(src, pos, end, &buf)
		if err != nil {
			return fmt.Errorf("page %d at offset %d: %w", page, pos, err)
		}
		body := pos + int64(n)
		if int64(h.compressed) > end-body {
			return fmt.Errorf("page %d at offset %d: %d-byte body runs past the chunk's end at %d", page, pos, h.compressed, end)
		}
		switch h.typ {
		case pageDictionary:
			if page != 0 {
				return fmt.Errorf("page %d at offset %d: dictionary page after the first", page, pos)
			}
		case pageData, pageDataV2:
			got += int64(h.values)
		default:
			return fmt.Errorf("page %d at offset %d: unsupported page type %d", page, pos, h.typ)
		}
		pos = body + int64(h.compressed)
	}
	if got != want {
		return fmt.Errorf("pages hold at least %d values, chunk declares %d", got, want)
	}
	return nil
}

// readPageHeader reads the header at pos, which must end before end, into
// a pageHeader, and returns its length in bytes. Like arrow, it reads a
// window and doubles it while the header does not fit.
func readPageHeader(src io.ReaderAt, pos, end int64, buf *[]byte) (pageHeader, int, error) {
	for window := int64(256); ; window *= 2 {
		w := min(window, end-pos)
		if w <= 0 {
			return pageHeader{}, 0, errors.New("no page header before the chunk's end")
		}
		if int64(cap(*buf)) < w {
			*buf = make([]byte, w)
		}
		b := (*buf)[:w]
		if n, err := src.ReadAt(b, pos); int64(n) != w {
			return pageHeader{}, 0, fmt.Errorf("read page header: %w", err)
		}
		h, n, err := parsePageHeader(b)
		switch {
		case err == nil:
			return h, n, nil
		case errors.Is(err, errShortHeader) && w == window && window < maxPageHeaderSize:
			continue
		default:
			return pageHeader{}, 0, fmt.Errorf("page header: %w", err)
		}
	}
}

// parsePageHeader decodes the fields checkPages needs from a Thrift
// compact-protocol PageHeader at the start of b, skips the rest, and checks
// them as arrow will use them: num_values is taken from the sub-header that
// matches the page's type, as arrow does, whatever other sub-headers say.
func parsePageHeader(b []byte) (pageHeader, int, error) {
	d := compact{b: b}
	var h pageHeader
	var has [9]bool // by field id: which of the fields below were read
	var values [9]int32
	var defLen, repLen int32
	compressed := true
	err := d.structFields(func(id int16, typ byte) error {
		switch {
		case id >= 1 && id <= 3 && typ == ctI32:
			v, err := d.i32()
			switch id {
			case 1:
				h.typ = v
			case 2:
				h.uncompressed = v
			case 3:
				h.compressed = v
			}
			has[id] = err == nil
			return err
		case (id == 5 || id == 7 || id == 8) && typ == ctStruct:
			// data_page_header, dictionary_page_header, data_page_header_v2:
			// num_values is field 1 of each; the v2 header adds the levels'
			// lengths (5, 6) and is_compressed (7).
			sub := id
			d.depth++
			defer func() { d.depth-- }()
			return d.structFields(func(id int16, typ byte) error {
				switch {
				case id == 1 && typ == ctI32:
					v, err := d.i32()
					values[sub], has[sub] = v, err == nil
					return err
				case sub == 8 && (id == 5 || id == 6) && typ == ctI32:
					v, err := d.i32()
					if id == 5 {
						defLen = v
					} else {
						repLen = v
					}
					return err
				case sub == 8 && id == 7 && (typ == ctTrue || typ == ctFalse):
					compressed = typ == ctTrue
					return nil
				}
				return d.skip(typ)
			})
		}
		return d.skip(typ)
	})
	if err != nil {
		return pageHeader{}, 0, err
	}
	if !has[1] || !has[2] || !has[3] {
		return pageHeader{}, 0, errors.New("page header lacks its type or sizes")
	}
	if h.uncompressed < 0 || h.compressed < 0 {
		return pageHeader{}, 0, fmt.Errorf("page header declares negative sizes (%d, %d)", h.uncompressed, h.compressed)
	}
	var sub int
	switch h.typ {
	case pageData:
		sub = 5
	case pageDictionary:
		sub = 7
	case pageDataV2:
		sub = 8
	default:
		return h, d.pos, nil // a type checkChunkPages refuses
	}
	if !has[sub] {
		return pageHeader{}, 0, fmt.Errorf("page of type %d lacks its sub-header's num_values", h.typ)
	}
	if h.values = values[sub]; h.values < 0 {
		return pageHeader{}, 0, fmt.Errorf("page header declares %d values", h.values)
	}
	if h.typ == pageDataV2 {
		if defLen < 0 || repLen < 0 {
			return pageHeader{}, 0, fmt.Errorf("page header declares negative level lengths (%d, %d)", defLen, repLen)
		}
		// The levels are stored uncompressed ahead of the values.
		if levels := int64(defLen) + int64(repLen); levels > int64(h.compressed) || levels > int64(h.uncompressed) {
			return pageHeader{}, 0, fmt.Errorf("levels of %d bytes exceed the page's sizes (%d, %d)", levels, h.compressed, h.uncompressed)
		}
		// Arrow reads an uncompressed v2 page by its uncompressed size, the
		// walk steps over its compressed size: they must agree.
		if !compressed && h.uncompressed != h.compressed {
			return pageHeader{}, 0, fmt.Errorf("uncompressed page declares %d bytes stored, %d bytes of content", h.compressed, h.uncompressed)
		}
	}
	return h, d.pos, nil
}
