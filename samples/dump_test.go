package samples

import (
	"fmt"
	"testing"
)

func TestDump(t *testing.T) {
	tb := readAll(t, ".")
	fmt.Println(len(tb.emails), len(tb.meetings), len(tb.calls), len(tb.users), len(tb.leads), len(tb.optOuts))
	m := newModel(tb, cutoff)
	for _, l := range tb.leads {
		top, own, ok := m.introducers(l)
		fmt.Printf("%s %s ok=%v", l.RecordID, l.FullName, ok)
		if own != nil {
			fmt.Printf(" owner=%.3f (%.2f)", *own, score(*own))
		}
		fmt.Println()
		for i, r := range top {
			fmt.Printf("   %d %-36s %s s=%.4f score=%.2f %s last=%s e%d/%d m%d c%d\n", i+1, r.email, r.user.UserID, r.strength, score(r.strength), band(score(r.strength)), r.pair.last.Format("2006-01-02T15:04"), r.pair.sent, r.pair.received, r.pair.meetings, r.pair.calls)
		}
	}
}
