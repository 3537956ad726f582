package writers

import (
	"encoding/xml"
	"strconv"
)

// How much of a data sheet goes into one piece of its part: about a
// megabyte of XML, large enough for the pieces' compression to lose little
// across them, small enough to stay in the CPU's cache between being
// written and compressed and for every CPU to have work.
const (
	pieceRows  = 1024
	pieceLinks = 2048
)

// OOXML names the parts' contents and relationships by these URIs.
const (
	nsMain           = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRelationships  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPackageRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relTypeOfficeDoc = nsRelationships + "/officeDocument"
	relTypeHyperlink = nsRelationships + "/hyperlink"
)

// linkRelPrefix and the link's number (1, 2, ...) make the relationship id
// of a data sheet's link.
const linkRelPrefix = "rIdL"

// headerHeight is the height in points of a data sheet's header row.
const headerHeight = 20

// worksheetPart is the worksheet XML of s, as the package's part name. Its
// elements are those the schema (CT_Worksheet) allows, in its order.
func (s *dataSheet) worksheetPart(name string) *part {
	p := &part{name: name}
	p.add(s.appendHead)
	for lo := s.from; lo < s.to; lo += pieceRows {
		hi := min(lo+pieceRows, s.to)
		p.add(func(b []byte) []byte { return s.appendRows(b, lo, hi) })
	}
	p.add(s.appendTail)
	return p
}

// relsPart is the relationships part of s, as the package's part name: one
// external hyperlink relationship per link.
func (s *dataSheet) relsPart(name string) *part {
	p := &part{name: name}
	p.add(func(b []byte) []byte {
		return append(b, xml.Header+`<Relationships xmlns="`+nsPackageRels+`">`...)
	})
	for lo := 0; lo < len(s.links); lo += pieceLinks {
		hi := min(lo+pieceLinks, len(s.links))
		p.add(func(b []byte) []byte { return s.appendLinkRels(b, lo, hi) })
	}
	p.add(func(b []byte) []byte { return append(b, `</Relationships>`...) })
	return p
}

// appendHead appends the worksheet's start through its header row: the
// header frozen, the columns' widths.
func (s *dataSheet) appendHead(b []byte) []byte {
	b = append(b, xml.Header+`<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRelationships+`"><dimension ref="A1:`...)
	b = s.appendLastCell(b)
	b = append(b, `"/><sheetViews><sheetView workbookViewId="0">`+
		`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><cols>`...)
	for i, width := range s.widths {
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendFloat(b, width, 'f', -1, 64)
		b = append(b, `" customWidth="1"/>`...)
	}
	b = append(b, `</cols><sheetData>`...)
	x := rowXML{b: b, names: s.names}
	x.startRow(1, headerHeight)
	for _, c := range s.cols {
		x.text(c.header, s.header)
	}
	x.endRow()
	return x.b
}

// appendRows appends the rows of items lo to hi of the list.
func (s *dataSheet) appendRows(b []byte, lo, hi int) []byte {
	x := &rowXML{b: b, names: s.names}
	for i := lo; i < hi; i++ {
		x.startRow(s.row(i), s.items.height(i))
		s.items.cells(x, i)
		x.endRow()
	}
	return x.b
}

// appendTail appends the worksheet's end: the autofilter over its table,
// the links, and the page set up for printing across.
func (s *dataSheet) appendTail(b []byte) []byte {
	b = append(b, `</sheetData><autoFilter ref="A1:`...)
	b = s.appendLastCell(b)
	b = append(b, `"/>`...)
	if len(s.links) > 0 {
		b = append(b, `<hyperlinks>`...)
		for k, i := range s.links {
			b = append(b, `<hyperlink ref="`...)
			b = append(b, s.names[s.linkCol]...)
			b = strconv.AppendInt(b, int64(s.row(i)), 10)
			b = append(b, `" r:id="`+linkRelPrefix...)
			b = strconv.AppendInt(b, int64(k+1), 10)
			b = append(b, `"/>`...)
		}
		b = append(b, `</hyperlinks>`...)
	}
	return append(b, `<pageSetup orientation="landscape"/></worksheet>`...)
}

// appendLinkRels appends the relationships of links lo to hi.
func (s *dataSheet) appendLinkRels(b []byte, lo, hi int) []byte {
	for k := lo; k < hi; k++ {
		b = append(b, `<Relationship Id="`+linkRelPrefix...)
		b = strconv.AppendInt(b, int64(k+1), 10)
		b = append(b, `" Type="`+relTypeHyperlink+`" Target="`...)
		b = appendEscaped(b, s.items.link(s.links[k]), attrMarks)
		b = append(b, `" TargetMode="External"/>`...)
	}
	return b
}

// appendLastCell appends the reference of the table's bottom right cell.
func (s *dataSheet) appendLastCell(b []byte) []byte {
	b = append(b, s.names[len(s.names)-1]...)
	return strconv.AppendInt(b, int64(s.to-s.from+1), 10)
}
