package writers

import (
	"math"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// cutMark ends every text that was too long for its cell, so a reader sees
// that something is missing instead of a sentence that stops mid-word.
const cutMark = "…[cut]"

// Excel counts a cell's characters and a link's length in UTF-16 code units.
const (
	cellCharLimit = excelize.TotalCellChars
	// linkCharLimit is the longest link target Excel opens without
	// "repairing" the file, which would drop every link on the sheet.
	linkCharLimit = 2079
)

// utf16Len is the length of s as Excel counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutText returns s shortened to fit one cell, ending in cutMark, and whether
// it had to be cut. A rune is never split.
func cutText(s string) (string, bool) {
	// Byte length bounds the UTF-16 length from above, so short text
	// skips the count.
	if len(s) <= cellCharLimit || utf16Len(s) <= cellCharLimit {
		return s, false
	}
	budget := cellCharLimit - utf16Len(cutMark)
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > budget {
			return s[:i] + cutMark, true
		}
	}
	return s, false
}

// orElse returns the text p points to, or alt when p is nil or empty; a
// person is shown by name and, lacking one, by the address that identifies
// them.
func orElse(p *string, alt string) string {
	if p == nil || *p == "" {
		return alt
	}
	return *p
}

// deref returns the text p points to, or "".
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// widthFit estimates column widths from the longest text seen in each
// column, Excel having no auto-fit in the file format, and counts the texts
// too long for a cell. It takes a list's rows as a cellSink.
type widthFit struct {
	cols []column
	max  []int
	col  int // the column the next cell of a row goes to
	cuts int // texts cutText will shorten
}

func newWidthFit(cols []column) *widthFit {
	w := &widthFit{cols: cols, max: make([]int, len(cols))}
	for i, c := range cols {
		// Room for the autofilter button next to the header text.
		w.max[i] = utf8.RuneCountInString(c.header) + 3
	}
	return w
}

// see records s as a value of column i (0-based).
func (w *widthFit) see(i int, s string) {
	if len(s) > cellCharLimit {
		if _, cut := cutText(s); cut {
			w.cuts++
		}
	}
	// The byte length bounds the rune count from above, so most values
	// skip the count: a value needs its rune count plus a margin of two,
	// since capitals and bold text run wider than the width unit.
	if len(s)+2 <= w.max[i] || w.max[i] >= w.cols[i].maxWidth {
		return
	}
	if n := utf8.RuneCountInString(s) + 2; n > w.max[i] {
		w.max[i] = n
	}
}

func (w *widthFit) text(s string, _ int) {
	w.see(w.col, s)
	w.col++
}

// Numbers and dates keep the width their header needs.
func (w *widthFit) number(int64, int)    { w.col++ }
func (w *widthFit) decimal(float64, int) { w.col++ }
func (w *widthFit) date(time.Time, int)  { w.col++ }

// widths returns one width per column: at most its maxWidth, and for a
// column without one (numbers, dates) what its header needs.
func (w *widthFit) widths() []float64 {
	out := make([]float64, len(w.cols))
	for i, c := range w.cols {
		v := w.max[i]
		if c.maxWidth > 0 && v > c.maxWidth {
			v = c.maxWidth
		}
		out[i] = float64(v)
	}
	return out
}

// wrappedHeight estimates the height in points a row needs to show s wrapped
// in a column width characters wide, so long bodies are readable without
// the reader resizing rows (Excel does not fit row heights on opening).
func wrappedHeight(s string, width float64) float64 {
	const lineHeight, maxHeight = 15.0, 409.0 // 409 pt is Excel's tallest row
	perLine := int(width * 1.1)               // proportional text is narrower than the width unit
	lines := 0
	for line := range strings.SplitSeq(s, "\n") {
		n := utf8.RuneCountInString(line)
		lines += max(1, (n+perLine-1)/perLine)
		if float64(lines)*lineHeight >= maxHeight {
			return maxHeight
		}
	}
	return math.Max(float64(lines)*lineHeight, lineHeight)
}
