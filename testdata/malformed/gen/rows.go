package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/parquet-go/parquet-go"
)

// The row types mirror samples/rows.go, except that ids are optional so that
// a case can null them; a column being optional rather than required changes
// nothing a reader may rely on.

type emailRow struct {
	MessageID *string    `parquet:"message_id,optional"`
	Mailbox   string     `parquet:"mailbox"`
	SentAt    *time.Time `parquet:"sent_at,optional,timestamp(microsecond)"`
	From      string     `parquet:"from_address"`
	To        []*string  `parquet:"to_addresses,optional,list"`
	Cc        []*string  `parquet:"cc_addresses,optional,list"`
	Bcc       []*string  `parquet:"bcc_addresses,optional,list"`
	Subject   *string    `parquet:"subject,optional"`
}

type meetingRow struct {
	MeetingID *string    `parquet:"meeting_id,optional"`
	StartAt   *time.Time `parquet:"start_at,optional,timestamp(microsecond)"`
	EndAt     *time.Time `parquet:"end_at,optional,timestamp(microsecond)"`
	Organizer *string    `parquet:"organizer_address,optional"`
	Required  []*string  `parquet:"required_attendees,optional,list"`
	Optional  []*string  `parquet:"optional_attendees,optional,list"`
	Cancelled *bool      `parquet:"is_cancelled,optional"`
}

type callRow struct {
	CallID    *string   `parquet:"call_id,optional"`
	StartedAt time.Time `parquet:"started_at,timestamp(millisecond)"`
	Duration  int64     `parquet:"duration_seconds"`
	From      string    `parquet:"from_address"`
	To        string    `parquet:"to_address"`
}

type userRow struct {
	UserID     *string   `parquet:"user_id,optional"`
	Email      string    `parquet:"email"`
	FullName   string    `parquet:"full_name"`
	FirstName  *string   `parquet:"first_name,optional"`
	Title      *string   `parquet:"title,optional"`
	Roles      []*string `parquet:"roles,list"`
	IsDisabled *bool     `parquet:"is_disabled,optional"`
}

type leadRow struct {
	RecordID    *string `parquet:"record_id,optional"`
	RecordType  string  `parquet:"record_type"`
	Email       string  `parquet:"email"`
	FullName    string  `parquet:"full_name"`
	Company     *string `parquet:"company,optional"`
	OwnerUserID *string `parquet:"owner_user_id,optional"`
}

// Rows with one column of the wrong type, for the schema cases. Each keeps
// the other columns as the samples have them, so the wrong type is the only
// thing a reader can complain about.

type emailSentAtString struct {
	MessageID *string   `parquet:"message_id,optional"`
	SentAt    *string   `parquet:"sent_at,optional"`
	From      string    `parquet:"from_address"`
	To        []*string `parquet:"to_addresses,optional,list"`
}

type emailToString struct {
	MessageID *string    `parquet:"message_id,optional"`
	SentAt    *time.Time `parquet:"sent_at,optional,timestamp(microsecond)"`
	From      string     `parquet:"from_address"`
	To        *string    `parquet:"to_addresses,optional"`
}

type emailNoSentAt struct {
	MessageID *string   `parquet:"message_id,optional"`
	From      string    `parquet:"from_address"`
	To        []*string `parquet:"to_addresses,optional,list"`
}

type meetingCancelledString struct {
	MeetingID *string    `parquet:"meeting_id,optional"`
	StartAt   *time.Time `parquet:"start_at,optional,timestamp(microsecond)"`
	Organizer *string    `parquet:"organizer_address,optional"`
	Required  []*string  `parquet:"required_attendees,optional,list"`
	Cancelled *string    `parquet:"is_cancelled,optional"`
}

type callDurationString struct {
	StartedAt time.Time `parquet:"started_at,timestamp(millisecond)"`
	Duration  string    `parquet:"duration_seconds"`
	From      string    `parquet:"from_address"`
	To        string    `parquet:"to_address"`
}

type userIDInt64 struct {
	UserID    int64    `parquet:"user_id"`
	Email     string   `parquet:"email"`
	FullName  string   `parquet:"full_name"`
	Roles     []string `parquet:"roles,list"`
	FirstName *string  `parquet:"first_name,optional"`
}

// org is the sample organisation as rows, read back from samples/*.parquet.
type org struct {
	emails   []emailRow
	meetings []meetingRow
	calls    []callRow
	users    []userRow
	leads    []leadRow
}

func readOrg(samples string) (*org, error) {
	var o org
	var err error
	if o.emails, err = parquet.ReadFile[emailRow](filepath.Join(samples, "emails.parquet")); err != nil {
		return nil, fmt.Errorf("read sample emails: %w", err)
	}
	if o.meetings, err = parquet.ReadFile[meetingRow](filepath.Join(samples, "meetings.parquet")); err != nil {
		return nil, fmt.Errorf("read sample meetings: %w", err)
	}
	if o.calls, err = parquet.ReadFile[callRow](filepath.Join(samples, "calls.parquet")); err != nil {
		return nil, fmt.Errorf("read sample calls: %w", err)
	}
	if o.users, err = parquet.ReadFile[userRow](filepath.Join(samples, "users.parquet")); err != nil {
		return nil, fmt.Errorf("read sample users: %w", err)
	}
	if o.leads, err = parquet.ReadFile[leadRow](filepath.Join(samples, "leads.parquet")); err != nil {
		return nil, fmt.Errorf("read sample leads: %w", err)
	}
	return &o, nil
}

// Copies let a case change its rows without touching the other cases'.
// Only the slices a case may replace are copied; rows are values.

func (o *org) cloneEmails() []emailRow     { return append([]emailRow(nil), o.emails...) }
func (o *org) cloneMeetings() []meetingRow { return append([]meetingRow(nil), o.meetings...) }
func (o *org) cloneUsers() []userRow       { return append([]userRow(nil), o.users...) }
func (o *org) cloneLeads() []leadRow       { return append([]leadRow(nil), o.leads...) }

// writeRows writes rows as the samples are written (Snappy, 128 rows per row
// group, a fixed created_by), so the same rows give the same bytes on every
// run.
func writeRows[T any](path string, rows []T, opts ...parquet.WriterOption) error {
	var buf bytes.Buffer
	all := append([]parquet.WriterOption{
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(128),
		parquet.CreatedBy("wkw-malformed", "1.0.0", "fixed"),
	}, opts...)
	w := parquet.NewGenericWriter[T](&buf, all...)
	if _, err := w.Write(rows); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("close writer for %s: %w", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func ptr[T any](v T) *T { return &v }
