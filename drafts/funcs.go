package drafts

import (
	"strconv"
	"text/template"
	"time"
)

// funcs are the functions a template may call besides text/template's
// built-ins; doc.go documents them for template authors.
var funcs = template.FuncMap{
	"date":  formatDate,
	"score": formatScore,
}

// formatDate writes the day out in full so that no reader mistakes 3/4 for
// 4 March; a zero time gives "" so that {{with date ...}} can skip it.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 January 2006")
}

// formatScore keeps one decimal: the Parquet score is unrounded, and a draft
// reading "72.45610000001" would look machine-made.
func formatScore(s float64) string {
	return strconv.FormatFloat(s, 'f', 1, 64)
}
