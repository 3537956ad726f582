package writers

import (
	"fmt"
	"strconv"
	"strings"
)

// workbookNotes says in plain words where the workbook differs from a plain
// one-sheet-per-list reading: lists continued on numbered sheets, cut cells,
// drafts too long to link. It returns nothing when there is nothing to say.
func workbookNotes(data []SheetStats, truncated, longLinks int) []string {
	var notes []string
	for _, base := range []string{sheetIntroducers, sheetDrafts, sheetGaps} {
		var more []string
		for _, s := range data {
			if strings.HasPrefix(s.Name, base+" ") {
				more = append(more, s.Name)
			}
		}
		if len(more) == 0 {
			continue
		}
		limit := thousands(int64(maxRowsPerSheet-1)) + " rows"
		if base == sheetIntroducers {
			limit += " or " + thousands(int64(maxLinksPerSheet)) + " links"
		}
		notes = append(notes, fmt.Sprintf(
			"The %s list is longer than one sheet holds (%s), so it continues on %s, each with its own header.",
			base, limit, joinWords(more)))
	}
	if truncated > 0 {
		notes = append(notes, fmt.Sprintf(
			"%s longer than Excel's limit of %s characters and %s cut short; each ends in %q. The Parquet outputs hold the full text.",
			plural(truncated, "cell was", "cells were"), thousands(cellCharLimit), pick(truncated, "it was", "they were"), cutMark))
	}
	if longLinks > 0 {
		notes = append(notes, fmt.Sprintf(
			"%s too long for a %q link (Excel allows %s characters); their row says so, and the full draft is on the %s sheet.",
			plural(longLinks, "draft is", "drafts are"), linkText, thousands(linkCharLimit), sheetDrafts))
	}
	return notes
}

// plural is "1 cell was" or "3 cells were".
func plural(n int, one, many string) string {
	return thousands(int64(n)) + " " + pick(n, one, many)
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinWords is "A", "A and B" or "A, B and C".
func joinWords(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// thousands formats n with comma separators, as the Summary's number cells
// show numbers.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
