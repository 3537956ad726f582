package writers

import (
	"cmp"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Colours of the workbook, in one place so the sheets agree.
const (
	colourAccent    = "1F4E78" // header fill, title and section text
	colourAccentBar = "2E75B6" // chart bars
	colourHeadLight = "DDEBF7" // header fill of the small Summary tables
	colourMuted     = "7F7F7F"
	colourLink      = "0563C1"
	colourNote      = "FFF2CC" // draws the eye to what the reader must know
)

// bandColours gives each band the fill and font of Excel's own
// good/neutral/muted presets, so the colours read as familiar.
var bandColours = map[string]struct{ fill, font string }{
	"strong":   {"C6EFCE", "006100"},
	"moderate": {"FFEB9C", "9C5700"},
	"weak":     {"EDEDED", "595959"},
}

// workbookStyles holds the style ids a workbook's cells refer to.
type workbookStyles struct {
	header     int // header row of a data sheet
	text       int // plain text, top-aligned so rows with wrapped bodies read well
	wrap       int // long text such as a draft body
	rank       int
	score      int
	date       int
	day        int // a date among the Summary's text values, aligned with them
	link       int
	band       map[string]int
	title      int
	subtitle   int
	section    int
	tableHead  int
	tableHeadR int // over a column of numbers
	label      int
	labelInner int // a sub-item of the label above it
	count      int
	percent    int
	bold       int
	note       int
	muted      int
}

func newWorkbookStyles(f *excelize.File) (*workbookStyles, error) {
	dateFmt, scoreFmt, percentFmt := "yyyy-mm-dd", "0.0", "0.0%"
	top := &excelize.Alignment{Vertical: "top"}
	type styleDef struct {
		id    *int
		style excelize.Style
	}
	var defs []styleDef
	add := func(id *int, st excelize.Style) { defs = append(defs, styleDef{id, st}) }
	s := &workbookStyles{band: make(map[string]int, len(bandColours))}
	add(&s.header, excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourAccent}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	add(&s.text, excelize.Style{Alignment: top})
	add(&s.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	add(&s.rank, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	add(&s.score, excelize.Style{CustomNumFmt: &scoreFmt, Alignment: top})
	add(&s.date, excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	add(&s.day, excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "left"}})
	add(&s.link, excelize.Style{Font: &excelize.Font{Color: colourLink, Underline: "single"}, Alignment: top})
	add(&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 18, Color: colourAccent}})
	add(&s.subtitle, excelize.Style{Font: &excelize.Font{Italic: true, Color: colourMuted}})
	add(&s.section, excelize.Style{
		Font:   &excelize.Font{Bold: true, Size: 13, Color: colourAccent},
		Border: []excelize.Border{{Type: "bottom", Color: colourAccent, Style: 2}},
	})
	add(&s.tableHead, excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourHeadLight}},
	})
	add(&s.tableHeadR, excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourHeadLight}},
		Alignment: &excelize.Alignment{Horizontal: "right"},
	})
	add(&s.label, excelize.Style{})
	add(&s.labelInner, excelize.Style{Alignment: &excelize.Alignment{Indent: 2}, Font: &excelize.Font{Color: colourMuted}})
	add(&s.count, excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Horizontal: "right"}})
	add(&s.percent, excelize.Style{CustomNumFmt: &percentFmt, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "right"}})
	add(&s.bold, excelize.Style{Font: &excelize.Font{Bold: true}})
	add(&s.note, excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourNote}},
	})
	add(&s.muted, excelize.Style{Font: &excelize.Font{Italic: true, Color: colourMuted}})
	bandIDs := make(map[string]*int, len(bandColours))
	for band, c := range bandColours {
		bandIDs[band] = new(int)
		add(bandIDs[band], excelize.Style{
			Font:      &excelize.Font{Color: c.font},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}},
			Alignment: top,
		})
	}
	family, err := f.GetDefaultFont()
	if err != nil {
		return nil, fmt.Errorf("read default font: %w", err)
	}
	for _, d := range defs {
		// A font without a name or size falls back to the application's
		// choice (a serif in LibreOffice): name both.
		if fnt := d.style.Font; fnt != nil {
			fnt.Family = cmp.Or(fnt.Family, family)
			fnt.Size = cmp.Or(fnt.Size, 11)
		}
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, fmt.Errorf("create cell style: %w", err)
		}
		*d.id = id
	}
	for band, id := range bandIDs {
		s.band[band] = *id
	}
	return s, nil
}
