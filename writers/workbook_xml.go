package writers

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// cellSink takes the cells of one row, one call per column, in column order.
// Each list describes its rows once, through a cellSink, for both the pass
// that fits the columns and the one that writes the sheet.
type cellSink interface {
	text(s string, style int) // "" leaves the cell empty
	number(v int64, style int)
	decimal(v float64, style int)
	date(t time.Time, style int) // the zero time leaves the cell empty
}

// rowXML appends rows of a data sheet to b as worksheet XML, each cell
// written as excelize's StreamWriter writes the same value: inline strings
// for text, so nothing from the CRM is ever read as a formula, and the
// style ids excelize gave the styles.
type rowXML struct {
	b     []byte
	names []string // column names: "A", "B", ...
	row   []byte   // the current row's number, in digits
	col   int
}

func (x *rowXML) startRow(row int, height float64) {
	x.col = 0
	x.row = strconv.AppendInt(x.row[:0], int64(row), 10)
	x.b = append(x.b, `<row r="`...)
	x.b = append(x.b, x.row...)
	x.b = append(x.b, '"')
	if height > 0 {
		x.b = append(x.b, ` ht="`...)
		x.b = strconv.AppendFloat(x.b, height, 'f', -1, 64)
		x.b = append(x.b, `" customHeight="1"`...)
	}
	x.b = append(x.b, '>')
}

func (x *rowXML) endRow() { x.b = append(x.b, `</row>`...) }

// openCell starts the next cell; typ is its t attribute, "" for a number.
func (x *rowXML) openCell(style int, typ string) {
	b := append(x.b, `<c r="`...)
	b = append(b, x.names[x.col]...)
	b = append(b, x.row...)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	if typ != "" {
		b = append(b, ` t="`...)
		b = append(b, typ...)
		b = append(b, '"')
	}
	x.b = append(b, '>')
	x.col++
}

func (x *rowXML) text(s string, style int) {
	if s == "" {
		x.col++
		return
	}
	s, _ = cutText(s) // counted when the list was laid out
	x.openCell(style, "inlineStr")
	x.b = append(x.b, `<is><t`...)
	if c0, c1 := s[0], s[len(s)-1]; isXMLSpace(c0) || isXMLSpace(c1) {
		x.b = append(x.b, ` xml:space="preserve"`...)
	}
	x.b = append(x.b, '>')
	x.b = appendEscaped(x.b, s, cellTextMarks)
	x.b = append(x.b, `</t></is></c>`...)
}

func (x *rowXML) number(v int64, style int) {
	x.openCell(style, "")
	x.b = append(x.b, `<v>`...)
	x.b = strconv.AppendInt(x.b, v, 10)
	x.b = append(x.b, `</v></c>`...)
}

func (x *rowXML) decimal(v float64, style int) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		// No number cell holds these; excelize writes "NaN" or "+Inf" as text.
		x.text(strconv.FormatFloat(v, 'f', -1, 64), style)
		return
	}
	x.openCell(style, "")
	x.b = append(x.b, `<v>`...)
	x.b = strconv.AppendFloat(x.b, v, 'f', -1, 64)
	x.b = append(x.b, `</v></c>`...)
}

// date writes the UTC day of t as a real date, a serial day number; the time
// of day is dropped so that what the cell holds is what it shows.
func (x *rowXML) date(t time.Time, style int) {
	if t.IsZero() {
		x.col++
		return
	}
	day := utcDay(t)
	if serial, ok := excelDay(day); ok {
		x.number(serial, style)
		return
	}
	// Excel has no day before 1900; excelize writes such a time as text.
	x.text(day.Format(time.RFC3339Nano), style)
}

// Unix day numbers of the days Excel's 1900 date system turns on: its first
// day (serial 1) and the day after the 29 February 1900 it wrongly counts.
var (
	excelFirstDay = time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	excelLeapDay  = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
)

// excelDay is the serial number Excel stores for day, 00:00 UTC, and false
// for a day before Excel's first.
func excelDay(day time.Time) (int64, bool) {
	d := day.Unix() / 86400
	switch {
	case d < excelFirstDay:
		return 0, false
	case d < excelLeapDay:
		return d - excelFirstDay + 1, true
	default:
		return d - excelFirstDay + 2, true
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cellTextMarks and attrMarks mark the bytes appendEscaped cannot copy as
// they are, in cell text and in a double-quoted attribute value. A cell's
// text keeps its newlines, as excelize writes them, and may hold _xHHHH_,
// which Excel reads as an escaped character unless its "_" is escaped.
var cellTextMarks, attrMarks = escapeMarks(false), escapeMarks(true)

func escapeMarks(attr bool) *[256]bool {
	var m [256]bool
	for c := range 0x20 {
		m[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		m[c] = true
	}
	for _, c := range `"&'<>` {
		m[c] = true
	}
	m['\n'] = attr
	m['_'] = !attr
	return &m
}

// appendEscaped appends s to b escaped as xml.EscapeText escapes it, except
// for what marks leaves alone: quotes and markup characters become
// references, as do tabs and carriage returns (and newlines in an attribute)
// so that they survive, and what XML 1.0 cannot hold (control characters,
// U+FFFE, U+FFFF, each byte of invalid UTF-8) becomes U+FFFD. In cell text,
// a literal _xHHHH_ is escaped as excelize's bstrMarshal escapes it.
func appendEscaped(b []byte, s string, marks *[256]bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !marks[c] {
			i++
			continue
		}
		esc, n := "", 1
		switch {
		case c == '"':
			esc = "&#34;"
		case c == '\'':
			esc = "&#39;"
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\t':
			esc = "&#x9;"
		case c == '\n':
			esc = "&#xA;"
		case c == '\r':
			esc = "&#xD;"
		case c < 0x20:
			esc = "\uFFFD"
		case c == '_':
			if !isBstr(s[i:]) {
				i++
				continue
			}
			esc, n = bstrEscape(s[i:]), len("_xHHHH_")
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || w > 1) && r != 0xFFFE && r != 0xFFFF {
				i += w
				continue
			}
			esc, n = "\uFFFD", w
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += n
		last = i
	}
	return append(b, s[last:]...)
}

// isBstr reports whether s starts with _xHHHH_, H a hexadecimal digit.
func isBstr(s string) bool {
	return len(s) >= 7 && s[0] == '_' && s[1] == 'x' && isHex4(s[2:6]) && s[6] == '_'
}

func isHex4(s string) bool {
	for i := range 4 {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// isSurrogate reports whether the four hexadecimal digits h name a UTF-16
// surrogate, which is no character.
func isSurrogate(h string) bool {
	v, _ := strconv.ParseUint(h, 16, 16)
	return 0xD800 <= v && v <= 0xDFFF
}

// bstrEscape is what excelize's bstrMarshal writes for the _xHHHH_ that s
// starts with: its "_" escaped as _x005F_, so it reads back literally. An
// _x005F_ followed by xHHHH_ gets one escape more, and an escape naming a
// surrogate is dropped, both as bstrMarshal does.
func bstrEscape(s string) string {
	switch {
	case s[:7] == "_x005F_":
		if len(s) >= 13 && s[7] == 'x' && isHex4(s[8:12]) && s[12] == '_' && !isSurrogate(s[8:12]) {
			return "_x005F_x005F_x005F_"
		}
		return "_x005F_x005F_"
	case isSurrogate(s[2:6]):
		return ""
	default:
		return "_x005F" + s[:7]
	}
}
