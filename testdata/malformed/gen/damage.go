package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

func truncated(dir string, _ *org) error {
	p := filepath.Join(dir, "emails.parquet")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data[:len(data)-100], 0o644)
}

// corruptPage flips the first four bytes of the compressed payload of the
// first data page of emails.from_address in row group 1: the Snappy
// stream's length and first tag, which a decoder must notice. The page
// header and the footer stay intact, so only decoding the page can tell.
func corruptPage(dir string, _ *org) error {
	return flipInPage(dir, func(payload, size int64) []int64 { return []int64{payload, payload + 1, payload + 2, payload + 3} })
}

// flipPageBit flips one bit two thirds into the same page, inside literal
// text: Snappy decodes it without complaint into different text, and only
// the page's CRC, which parquet-go writes, can tell.
func flipPageBit(dir string, _ *org) error {
	return flipInPage(dir, func(payload, size int64) []int64 { return []int64{payload + size*2/3} })
}

// flipInPage inverts the bits (all of them, or the lowest for a single
// byte) at the positions where returns, given the page payload's offset
// and compressed size.
func flipInPage(dir string, where func(payload, size int64) []int64) error {
	p := filepath.Join(dir, "emails.parquet")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("open %s: %w", p, err)
	}
	md := f.Metadata()
	if len(md.RowGroups) < 2 {
		return fmt.Errorf("%s has %d row groups, want at least 2", p, len(md.RowGroups))
	}
	var chunk *format.ColumnMetaData
	for i := range md.RowGroups[1].Columns {
		c := &md.RowGroups[1].Columns[i].MetaData
		if strings.Join(c.PathInSchema, ".") == "from_address" {
			chunk = c
		}
	}
	if chunk == nil {
		return fmt.Errorf("%s has no from_address column", p)
	}
	off := chunk.DataPageOffset
	r := new(thrift.CompactProtocol).NewReaderFromBytes(data[off:])
	var h format.PageHeader
	if err := thrift.NewDecoder(r).Decode(&h); err != nil {
		return fmt.Errorf("decode page header at %d of %s: %w", off, p, err)
	}
	payload, size := off+int64(r.BytesRead()), int64(h.CompressedPageSize)
	if v2, ok := h.DataPageHeaderV2.Get(); ok {
		// Levels are stored uncompressed ahead of the values in a v2 page.
		levels := int64(v2.RepetitionLevelsByteLength + v2.DefinitionLevelsByteLength)
		payload, size = payload+levels, size-levels
	}
	if size < 16 {
		return fmt.Errorf("page at %d of %s holds only %d compressed bytes", off, p, size)
	}
	at := where(payload, size)
	for _, i := range at {
		if len(at) == 1 {
			data[i] ^= 0x01
		} else {
			data[i] ^= 0xff
		}
	}
	return os.WriteFile(p, data, 0o644)
}

func sentAtAsString(es []emailRow) []emailSentAtString {
	out := make([]emailSentAtString, len(es))
	for i, e := range es {
		out[i] = emailSentAtString{MessageID: e.MessageID, From: e.From, To: e.To}
		if e.SentAt != nil {
			out[i].SentAt = ptr(e.SentAt.UTC().Format(time.RFC3339))
		}
	}
	return out
}

func emailsSentAtString(dir string, o *org) error {
	return writeRows(filepath.Join(dir, "emails.parquet"), sentAtAsString(o.emails))
}

func emailsToString(dir string, o *org) error {
	out := make([]emailToString, len(o.emails))
	for i, e := range o.emails {
		out[i] = emailToString{MessageID: e.MessageID, SentAt: e.SentAt, From: e.From}
		var to []string
		for _, a := range e.To {
			if a != nil {
				to = append(to, *a)
			}
		}
		out[i].To = ptr(strings.Join(to, ", "))
	}
	return writeRows(filepath.Join(dir, "emails.parquet"), out)
}

func emailsNoSentAt(dir string, o *org) error {
	out := make([]emailNoSentAt, len(o.emails))
	for i, e := range o.emails {
		out[i] = emailNoSentAt{MessageID: e.MessageID, From: e.From, To: e.To}
	}
	return writeRows(filepath.Join(dir, "emails.parquet"), out)
}

func meetingsCancelledString(dir string, o *org) error {
	out := make([]meetingCancelledString, len(o.meetings))
	for i, m := range o.meetings {
		out[i] = meetingCancelledString{MeetingID: m.MeetingID, StartAt: m.StartAt, Organizer: m.Organizer, Required: m.Required}
		if m.Cancelled != nil {
			out[i].Cancelled = ptr(fmt.Sprint(*m.Cancelled))
		}
	}
	return writeRows(filepath.Join(dir, "meetings.parquet"), out)
}

func callsDurationString(dir string, o *org) error {
	out := make([]callDurationString, len(o.calls))
	for i, c := range o.calls {
		out[i] = callDurationString{StartedAt: c.StartedAt, Duration: fmt.Sprint(c.Duration), From: c.From, To: c.To}
	}
	return writeRows(filepath.Join(dir, "calls.parquet"), out)
}

func usersIDInt64(dir string, o *org) error {
	out := make([]userIDInt64, len(o.users))
	for i, u := range o.users {
		out[i] = userIDInt64{UserID: int64(i + 1), Email: u.Email, FullName: u.FullName, FirstName: u.FirstName, Roles: []string{}}
		for _, r := range u.Roles {
			if r != nil {
				out[i].Roles = append(out[i].Roles, *r)
			}
		}
	}
	return writeRows(filepath.Join(dir, "users.parquet"), out)
}

// invalidUTF8 puts a byte that is never valid UTF-8 into a recipient of one
// message and the sender of another, both otherwise whole messages in the
// window, and into text that reaches the outputs: a lead's name and a
// user's title.
func invalidUTF8(dir string, o *org) error {
	es := o.cloneEmails()
	p := pickEmails(es, 2)
	es[p[0]].To = append(append([]*string(nil), es[p[0]].To...), ptr("bad\xffrecipient@northwind.example"))
	es[p[1]].From = "sam.patel\xfe@brightlane.example"
	ls := o.cloneLeads()
	ls[leadIndex(ls, "L01")].FullName = "Maria \xff\xfe Santos"
	us := o.cloneUsers()
	us[userIndex(us, "u010")].Title = ptr("Chief \xc3\x28 Officer")
	return errors.Join(
		writeRows(filepath.Join(dir, "emails.parquet"), es),
		writeRows(filepath.Join(dir, "leads.parquet"), ls),
		writeRows(filepath.Join(dir, "users.parquet"), us),
	)
}

// longAddresses adds two 1 MiB recipients to one message from a
// contributor: one a valid address under the contract's pattern, which sets
// no length limit, and one without an @. Zstd keeps the file small.
func longAddresses(dir string, o *org) error {
	es := o.cloneEmails()
	i := pickEmails(es, 1)[0]
	long := strings.Repeat("a", mib) + "@far-away.example"
	es[i].To = append(append([]*string(nil), es[i].To...), ptr(long), ptr(strings.Repeat("b", mib)))
	return writeRows(filepath.Join(dir, "emails.parquet"), es, parquet.Compression(&parquet.Zstd))
}

// longName gives record L02, which has introducers and drafts, a 1 MiB name.
func longName(dir string, o *org) error {
	ls := o.cloneLeads()
	ls[leadIndex(ls, "L02")].FullName = "Ben " + strings.Repeat("Ashworth-", mib/9)
	return writeRows(filepath.Join(dir, "leads.parquet"), ls, parquet.Compression(&parquet.Zstd))
}

const mib = 1 << 20

// nullElements adds a null element to every non-empty list, keeping the
// valid elements, so that no counter may move.
func nullElements(dir string, o *org) error {
	withNull := func(l []*string) []*string {
		if len(l) == 0 {
			return l
		}
		return append(append([]*string{nil}, l...), nil)
	}
	es := o.cloneEmails()
	for i := range es {
		es[i].To, es[i].Cc, es[i].Bcc = withNull(es[i].To), withNull(es[i].Cc), withNull(es[i].Bcc)
	}
	ms := o.cloneMeetings()
	for i := range ms {
		ms[i].Required, ms[i].Optional = withNull(ms[i].Required), withNull(ms[i].Optional)
	}
	us := o.cloneUsers()
	for i := range us {
		us[i].Roles = append(us[i].Roles, nil)
	}
	return errors.Join(
		writeRows(filepath.Join(dir, "emails.parquet"), es),
		writeRows(filepath.Join(dir, "meetings.parquet"), ms),
		writeRows(filepath.Join(dir, "users.parquet"), us),
	)
}

// broadcast adds one message from sam, the day before the cutoff, to 10,000
// distinct outside addresses.
func broadcast(dir string, o *org) error {
	to := make([]*string, 10_000)
	for i := range to {
		to[i] = ptr(fmt.Sprintf("reader%05d@masslist.example", i))
	}
	es := append(o.cloneEmails(), emailRow{
		MessageID: ptr("broadcast-10k"),
		Mailbox:   "sam.patel@brightlane.example",
		SentAt:    ptr(cutoff.AddDate(0, 0, -1)),
		From:      "sam.patel@brightlane.example",
		To:        to,
		Subject:   ptr("Our autumn newsletter"),
	})
	return writeRows(filepath.Join(dir, "emails.parquet"), es, parquet.Compression(&parquet.Zstd))
}
