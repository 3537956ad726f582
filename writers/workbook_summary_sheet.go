package writers

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

const sheetSummary = "Summary"

// Summary layout: tables in columns A to D, charts beside them from F.
var summaryWidths = []float64{38, 34, 12, 13, 3}

const (
	chartCol       = "F"
	chartRowPixels = 20 // a row of the default height
	noteWidth      = 97 // columns A to D, in width units
)

// summaryPage writes the Summary with the normal cell API: it is small, and
// its charts need cells they can refer to. The first error sticks and later
// writes are skipped, so the layout code reads top to bottom.
type summaryPage struct {
	f   *excelize.File
	st  *workbookStyles
	row int
	err error
}

func (p *summaryPage) ref(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }

func (p *summaryPage) do(what string, err error) {
	if p.err == nil && err != nil {
		p.err = fmt.Errorf("%s on sheet %q: %w", what, sheetSummary, err)
	}
}

// text writes s as a string cell: never a formula, whatever it starts with.
func (p *summaryPage) text(col string, row int, s string, style int) {
	s, _ = cutText(s) // counted beforehand by summaryCuts
	p.do("write cell "+p.ref(col, row), p.f.SetCellStr(sheetSummary, p.ref(col, row), s))
	p.style(col, row, style)
}

func (p *summaryPage) count(col string, row int, n int64) {
	p.do("write cell "+p.ref(col, row), p.f.SetCellInt(sheetSummary, p.ref(col, row), n))
	p.style(col, row, p.st.count)
}

func (p *summaryPage) date(col string, row int, t time.Time) {
	p.do("write cell "+p.ref(col, row), p.f.SetCellValue(sheetSummary, p.ref(col, row), t))
	p.style(col, row, p.st.day)
}

func (p *summaryPage) style(col string, row int, style int) {
	if style != 0 {
		p.do("style cell "+p.ref(col, row), p.f.SetCellStyle(sheetSummary, p.ref(col, row), p.ref(col, row), style))
	}
}

// section starts a titled block after a blank row.
func (p *summaryPage) section(title string) int {
	p.row += 2
	p.do("style section", p.f.SetCellStyle(sheetSummary, p.ref("A", p.row), p.ref("D", p.row), p.st.section))
	p.text("A", p.row, title, 0)
	p.do("set row height", p.f.SetRowHeight(sheetSummary, p.row, 20))
	return p.row
}

// tableHead writes the header row of a small table whose first text
// columns hold text and the rest numbers.
func (p *summaryPage) tableHead(text int, heads ...string) {
	p.row++
	for i, h := range heads {
		style := p.st.tableHead
		if i >= text {
			style = p.st.tableHeadR
		}
		p.text(string(rune('A'+i)), p.row, h, style)
	}
}

// counts writes one name and number per row, or "none" for an empty list.
func (p *summaryPage) counts(list []Count, nameStyle int) {
	if len(list) == 0 {
		p.row++
		p.text("A", p.row, "none", p.st.muted)
		return
	}
	for _, c := range list {
		p.row++
		p.text("A", p.row, c.Name, nameStyle)
		p.count("B", p.row, c.Value)
	}
}

// below moves the cursor past a chart anchored at row top.
func (p *summaryPage) below(top int, heightPx uint) {
	p.row = max(p.row, top+int(heightPx)/chartRowPixels)
}

func (w *workbookWriter) writeSummary(r *Report, facts *summaryFacts, notes []string) error {
	f, st := w.f, w.style
	p := &summaryPage{f: f, st: st, row: 1}
	for i, width := range summaryWidths {
		col := string(rune('A' + i))
		p.do("set column width", f.SetColWidth(sheetSummary, col, col, width))
	}
	showGrid := false
	p.do("hide gridlines", f.SetSheetView(sheetSummary, 0, &excelize.ViewOptions{ShowGridLines: &showGrid}))
	fit, landscape, wide, tall := true, "landscape", 1, 0
	p.do("fit page", f.SetSheetProps(sheetSummary, &excelize.SheetPropsOptions{FitToPage: &fit}))
	p.do("set page layout", f.SetPageLayout(sheetSummary, &excelize.PageLayoutOptions{
		Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}))

	p.text("A", 1, "Who knows whom — "+r.AsOf.UTC().Format(time.DateOnly), st.title)
	p.do("set row height", f.SetRowHeight(sheetSummary, 1, 30))
	p.text("A", 2, "Colleagues who can introduce each lead's or contact's owner, found in email, meetings and calls.", st.subtitle)
	p.row = 3
	for _, d := range []struct {
		label string
		day   time.Time
	}{
		{"Run date (as of)", r.AsOf},
		{"First day counted", r.WindowStart},
		{"Last day counted", r.WindowEnd.Add(-time.Nanosecond)},
	} {
		p.row++
		p.text("A", p.row, d.label, st.label)
		p.date("B", p.row, utcDay(d.day))
	}

	if len(notes) > 0 {
		p.section("Please note")
		for _, n := range notes {
			p.row++
			p.do("merge note cells", f.MergeCell(sheetSummary, p.ref("A", p.row), p.ref("D", p.row)))
			p.text("A", p.row, n, st.note)
			p.do("set row height", f.SetRowHeight(sheetSummary, p.row, wrappedHeight(n, noteWidth)))
		}
	}

	top := p.section("Leads and contacts")
	p.counts([]Count{{"Records", facts.records}, {"With introducers", facts.withIntroducers}, {"Without introducers", facts.without}}, st.label)
	p.counts(facts.withoutByReason, st.labelInner)
	p.row++
	p.text("A", p.row, "Coverage", st.bold)
	if share, ok := facts.coverage(); ok {
		p.do("write coverage", f.SetCellFloat(sheetSummary, p.ref("B", p.row), share, -1, 64))
		p.style("B", p.row, st.percent)
	} else {
		p.text("B", p.row, "no records", st.muted)
	}
	p.row++
	p.tableHead(1, "Best band", "Records")
	first := p.row + 1
	p.counts(facts.bestBands, st.label)
	for i, b := range facts.bestBands {
		p.style("A", first+i, bandStyle(st, b.Name))
	}
	const bandChartHeight = 260
	p.addBarChart(top, excelize.Col, "Records by their best introducer's band",
		p.ref("$A$", first), p.ref("$A$", p.row), p.ref("$B$", first), p.ref("$B$", p.row), bandChartHeight)
	p.below(top, bandChartHeight)

	top = p.section("Colleagues who can introduce the most records")
	p.tableHead(2, "Colleague", "Title", "Records", "Strong ties")
	first = p.row + 1
	for _, c := range facts.top {
		p.row++
		p.text("A", p.row, c.name, st.label)
		p.text("B", p.row, c.title, st.label)
		p.count("C", p.row, c.records)
		p.count("D", p.row, c.strong)
	}
	if len(facts.top) == 0 {
		p.row++
		p.text("A", p.row, "none yet", st.muted)
	} else {
		topChartHeight := uint(80 + 28*len(facts.top)) // a bar per colleague, room for the title
		p.addBarChart(top, excelize.Bar, "Records each colleague can introduce",
			p.ref("$A$", first), p.ref("$A$", p.row), p.ref("$C$", first), p.ref("$C$", p.row), topChartHeight)
		p.below(top, topChartHeight)
	}

	p.section("Settings in effect")
	for _, s := range r.Settings {
		p.row++
		p.text("A", p.row, s.Name, st.label)
		p.text("B", p.row, s.Value, st.label)
	}
	p.section("Rows read")
	p.counts(r.Inputs, st.label)
	p.section("Colleagues left out")
	p.counts(r.Excluded, st.label)
	p.section("Messages, meetings and calls skipped")
	p.counts(r.Skipped, st.label)
	return p.err
}

var axisFont = excelize.Font{Color: "404040", Size: 9}

// addBarChart adds a one-series bar chart of Summary cells, anchored in the
// chart column at row top.
func (p *summaryPage) addBarChart(top int, kind excelize.ChartType, title, catFrom, catTo, valFrom, valTo string, heightPx uint) {
	series := excelize.ChartSeries{
		Name:       "Records",
		Categories: sheetSummary + "!" + catFrom + ":" + catTo,
		Values:     sheetSummary + "!" + valFrom + ":" + valTo,
		Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourAccentBar}},
	}
	p.do("add chart", p.f.AddChart(sheetSummary, p.ref(chartCol, top), &excelize.Chart{
		Type:     kind,
		Series:   []excelize.ChartSeries{series},
		Title:    excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Bold: true, Size: 12, Color: colourAccent}}}},
		Legend:   excelize.ChartLegend{Position: "none"},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
		// The bars carry their values, so the value axis and its gridlines
		// would only add noise; the first colleague goes on top.
		XAxis:     excelize.ChartAxis{ReverseOrder: kind == excelize.Bar, Font: axisFont},
		YAxis:     excelize.ChartAxis{None: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: heightPx},
	}))
}

// summaryCuts counts the Summary's cells that cutText will shorten.
func summaryCuts(r *Report, facts *summaryFacts) int {
	n := 0
	see := func(s string) {
		if _, cut := cutText(s); cut {
			n++
		}
	}
	for _, s := range r.Settings {
		see(s.Name)
		see(s.Value)
	}
	for _, list := range [][]Count{r.Inputs, r.Excluded, r.Skipped, facts.withoutByReason, facts.bestBands} {
		for _, c := range list {
			see(c.Name)
		}
	}
	for _, c := range facts.top {
		see(c.name)
		see(c.title)
	}
	return n
}

func utcDay(t time.Time) time.Time {
	u := t.UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
}
