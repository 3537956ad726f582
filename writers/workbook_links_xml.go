package writers

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// insertion is where new children go in a small XML text: before offset
// at, or, when the parent was written as an empty-element tag "<x/>" ending
// at offset at, inside that parent, which is rewritten as "<x>…</x>".
type insertion struct {
	at       int
	emptyTag string // the parent's qualified name when it is "<x/>"
}

// write writes data with children at the insertion point. Errors stick in
// w and surface at its Flush.
func (in insertion) write(w *bufio.Writer, data []byte, children func(*bufio.Writer)) {
	if in.emptyTag == "" {
		_, _ = w.Write(data[:in.at])
		children(w)
		_, _ = w.Write(data[in.at:])
		return
	}
	_, _ = w.Write(data[:in.at-len("/>")])
	_ = w.WriteByte('>')
	children(w)
	_, _ = w.WriteString("</" + in.emptyTag + ">")
	_, _ = w.Write(data[in.at:])
}

// endOf is the insertion at the end of an element's content: startEnd is
// the offset just past its start tag and endAt that of its end token.
func endOf(data []byte, name xml.Name, startEnd, endAt int) insertion {
	// The decoder reports "<x/>" as a start token and an end token
	// that takes no bytes.
	if endAt == startEnd && bytes.HasSuffix(data[:startEnd], []byte("/>")) {
		return insertion{at: startEnd, emptyTag: qualifiedName(name)}
	}
	return insertion{at: endAt}
}

// rootEnd finds the end of the content of the document's root element.
func rootEnd(data []byte) (insertion, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth, rootStartEnd := 0, 0
	for {
		off := int(d.InputOffset())
		tok, err := d.RawToken()
		if err != nil {
			return insertion{}, fmt.Errorf("find end of root element: %w", noEOF(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				rootStartEnd = int(d.InputOffset())
			}
			depth++
		case xml.EndElement:
			if depth--; depth == 0 {
				return endOf(data, t.Name, rootStartEnd, off), nil
			}
		}
	}
}

// mergeRels copies a sheet's relationships part from r to w with the
// relationships of its links added after the ones it has.
func mergeRels(w *bufio.Writer, r *bufio.Reader, s *linkedSheet) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	at, err := rootEnd(data)
	if err != nil {
		return err
	}
	at.write(w, data, func(w *bufio.Writer) { writeLinkRels(w, s) })
	return nil
}

// writeNewRels writes the relationships part of a sheet that had none.
func writeNewRels(w *bufio.Writer, s *linkedSheet) error {
	_, _ = w.WriteString(xml.Header + `<Relationships xmlns="` + nsPackageRels + `">`)
	writeLinkRels(w, s)
	_, err := w.WriteString(`</Relationships>`)
	return err
}

// writeLinkRels writes one external hyperlink relationship per link.
// Errors stick in w and surface at its Flush.
func writeLinkRels(w *bufio.Writer, s *linkedSheet) {
	for i, l := range s.links {
		_, _ = w.WriteString(`<Relationship Id="`)
		writeLinkID(w, s.idPrefix, i)
		_, _ = w.WriteString(`" Type="` + relTypeHyperlink + `" Target="`)
		writeAttrValue(w, l.target)
		_, _ = w.WriteString(`" TargetMode="External"/>`)
	}
}

// writeLinkID writes the relationship id of the i-th link (0-based).
func writeLinkID(w *bufio.Writer, prefix string, i int) {
	_, _ = w.WriteString(prefix)
	var digits [20]byte
	_, _ = w.Write(strconv.AppendInt(digits[:0], int64(i+1), 10))
}

// writeAttrValue writes s escaped for a double-quoted XML attribute,
// without copying it: a mailto URL has an "&" or two and is otherwise plain
// ASCII.
func writeAttrValue(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			esc = "&#34;"
		case c < 0x20 || c >= 0x7f:
			// EscapeText also replaces what XML cannot hold, and writes
			// tabs and newlines as references so that attribute
			// normalisation keeps them. It escapes a suffix as it would
			// the whole, since i is at a character's first byte.
			_, _ = w.WriteString(s[last:i])
			_ = xml.EscapeText(w, []byte(s[i:]))
			return
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}

// noEOF reports an input that ends too early as such.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

func qualifiedName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
