package samples

import (
	"math/rand/v2"
	"strings"
)

// partners are outside contacts who are not leads: the day-to-day traffic
// with them fills the connections table without touching any ranking.
var partners = []string{
	"ops@humongous.example", "j.doe@lucerne.example", "buyer@alpineski.example",
	"it@margiestravel.example", "cfo@wideworld.example", "hello@graphicdesign.example",
	"support@cpandl.example", "lee.wong@adventure-works.example", "finance@firstup.example",
	"r.silva@nod.example", "press@schoolofart.example", "ana.m@vanarsdel.example",
	"tess@thephone-company.example", "office@lamna.example", "k.ito@southridge.example",
	"team@woodgrove-partners.example", "sales@wingtip-supply.example", "noreply@billing.example",
	"m.kaur@cohovineyard.example", "dev@litware-labs.example", "hr@fineartschool.example",
	"contact@consolidated.example", "p.novak@tailwind.example", "info@baldwin.example",
}

// colleagues are everyone's addresses as they might appear in an export,
// including the opted-out, the disabled, and u029's upper-case duplicate.
var colleagues = []string{
	dana, sam, lena, marco, aiko, priya, tom, grace, omar, helen, victor, nina,
	raj, olivia, felix, chris, jo, ava, isaac, sofia, daniel, emma, kofi, laura,
	noah, mei, paulo, yusuf, hannah, "JO.BRENNAN@BRIGHTLANE.EXAMPLE",
}

// junk is what real exports carry in recipient lists.
var junk = []string{"not-an-address", "x@", "a@@b.example", "undisclosed-recipients:;"}

// background adds routine traffic from a fixed PCG seed: colleagues among
// themselves, and colleagues with partners, a few of them outside the
// window, with mixed address forms, invalid addresses and null elements.
func background(b *book) {
	r := rand.New(rand.NewPCG(20261121, 0x5eed))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	form := func(a string) string { return dress(r, a) }
	list := func(pool []string, lo, hi int) []*string {
		n := lo + r.IntN(hi-lo+1)
		out := make([]*string, 0, n+1)
		for range n {
			out = append(out, ptr(form(pick(pool))))
		}
		switch r.IntN(12) {
		case 0:
			out = append(out, nil)
		case 1:
			out = append(out, ptr(pick(junk)))
		}
		return out
	}
	subjects := []string{"Weekly sync", "Invoice", "Re: question", "Notes", "Fwd: deck", "Schedule", "Lunch?", "Status"}

	for range 220 {
		// Days -3..379: mostly inside the window, some before it, a few on
		// or after the cutoff.
		t := at(r.IntN(383)-3, 7+r.IntN(11), r.IntN(60))
		row := emailRow{MessageID: ptr(b.messageID()), SentAt: ptr(t), Subject: ptr(pick(subjects))}
		switch k := r.IntN(10); {
		case k < 4: // internal only: never an event
			row.From = form(pick(colleagues))
			row.To = list(colleagues, 1, 3)
		case k < 7:
			row.From = form(pick(colleagues))
			row.To = list(partners, 1, 2)
			row.Cc = list(colleagues, 0, 2)
		default:
			row.From = form(pick(partners))
			row.To = list(colleagues, 1, 2)
			if r.IntN(3) == 0 {
				row.Cc = list(partners, 1, 2)
			}
		}
		if r.IntN(15) == 0 {
			row.Bcc = list(colleagues, 1, 1)
		}
		row.Mailbox = mailboxOf(msg{from: row.From, to: derefAll(row.To), cc: derefAll(row.Cc), bcc: derefAll(row.Bcc)})
		b.t.emails = append(b.t.emails, row)
	}

	for range 12 {
		t := at(r.IntN(360), 9+r.IntN(8), 30*r.IntN(2))
		b.meet(t, 30*(1+r.IntN(3)), pick(colleagues), []string{pick(partners), pick(colleagues)}, []string{pick(partners)})
	}

	for range 10 {
		t := at(r.IntN(360), 9+r.IntN(8), r.IntN(60))
		from, to := pick(colleagues), pick(partners)
		if r.IntN(2) == 0 {
			from, to = to, pick(colleagues)
		}
		b.call(t, int64(r.IntN(4)*r.IntN(900)), from, to)
	}
}

// dress writes an address the way mail clients do: usually bare, sometimes
// upper-cased, sometimes behind a display name.
func dress(r *rand.Rand, a string) string {
	switch r.IntN(6) {
	case 0:
		return strings.ToUpper(a)
	case 1:
		local, _, _ := strings.Cut(a, "@")
		name := strings.ReplaceAll(local, ".", " ")
		return `"` + name + `" <` + a + ">"
	}
	return a
}

func derefAll(xs []*string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x != nil {
			out = append(out, *x)
		}
	}
	return out
}
