package samples

import (
	"os"
	"sort"
	"strings"
	"testing"
)

func TestTmpStats(t *testing.T) {
	dir := os.Getenv("SYNTH_OUT")
	if dir == "" {
		t.Skip()
	}
	rows, _ := readSynth[emailRow](t, dir, "emails")
	users, _ := readSynth[userRow](t, dir, "users")
	leads, _ := readSynth[leadRow](t, dir, "leads")
	userSet := map[string]bool{}
	for _, u := range users {
		userSet[specNormalise(u.Email)] = true
	}
	internal := func(a string) bool { return strings.HasSuffix(a, "corp.example") }
	byID := map[string][]int{}
	for i, e := range rows {
		if e.MessageID != nil {
			byID[*e.MessageID] = append(byID[*e.MessageID], i)
		}
	}
	copies := map[int]int{}
	rc := map[string]int{}
	dir3 := map[string]int{}
	sent := map[string]int{}
	pairs := map[[2]string]bool{}
	extTouched := map[string]int{}
	for _, idx := range byID {
		copies[len(idx)]++
		rcpt := map[string]bool{}
		var from string
		for _, i := range idx {
			e := rows[i]
			from = specNormalise(e.From)
			for _, l := range [][]*string{e.To, e.Cc, e.Bcc} {
				for _, a := range l {
					if a != nil {
						rcpt[specNormalise(*a)] = true
					}
				}
			}
		}
		delete(rcpt, from)
		n := len(rcpt)
		switch {
		case n <= 3:
			rc[string(rune('0'+n))]++
		case n <= 10:
			rc["4-10"]++
		case n <= 50:
			rc["11-50"]++
		default:
			rc[">50"]++
		}
		fi := internal(from)
		nInt, nExt := 0, 0
		for a := range rcpt {
			if internal(a) {
				nInt++
			} else {
				nExt++
			}
		}
		switch {
		case fi && nExt > 0:
			dir3["int->ext"]++
		case fi:
			dir3["int->int"]++
		default:
			dir3["ext->int"]++
		}
		if userSet[from] {
			sent[from]++
		}
		if n <= 50 {
			for a := range rcpt {
				if userSet[from] && !internal(a) {
					pairs[[2]string{from, a}] = true
					extTouched[a]++
				}
				if !fi && userSet[a] {
					pairs[[2]string{a, from}] = true
					extTouched[from]++
				}
			}
		}
	}
	t.Log("rows", len(rows), "messages", len(byID), "copies", copies)
	t.Log("recipients", rc)
	t.Log("directions", dir3)
	var counts []int
	total := 0
	for _, c := range sent {
		counts = append(counts, c)
		total += c
	}
	sort.Sort(sort.Reverse(sort.IntSlice(counts)))
	top := 0
	for _, c := range counts[:len(counts)/100] {
		top += c
	}
	top10 := 0
	for _, c := range counts[:len(counts)/10] {
		top10 += c
	}
	t.Log("senders", len(counts), "top1% share", float64(top)/float64(total), "top10%", float64(top10)/float64(total))
	t.Log("pairs", len(pairs), "externals touched", len(extTouched))
	reached := 0
	for _, l := range leads {
		if extTouched[specNormalise(l.Email)] > 0 {
			reached++
		}
	}
	t.Log("leads reached", reached, "of", len(leads))
	var ec []int
	for _, c := range extTouched {
		ec = append(ec, c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ec)))
	t.Log("ext top counts", ec[:10], "median", ec[len(ec)/2])
}
