package samples

import "time"

// The row types mirror SPEC §2 column for column. Pointers and `optional`
// mark the columns the contract lets be null, so the files exercise nulls
// exactly where a real export may carry them and nowhere else.

type emailRow struct {
	MessageID *string    `parquet:"message_id,optional"`
	Mailbox   string     `parquet:"mailbox"` // an extra column, to be ignored by readers
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

// Calls use millisecond timestamps, unlike the other tables, because the
// contract accepts any unit and a reader that assumed microseconds
// everywhere would misplace every call by a factor of a thousand.
type callRow struct {
	CallID    *string   `parquet:"call_id,optional"`
	StartedAt time.Time `parquet:"started_at,timestamp(millisecond)"`
	Duration  int64     `parquet:"duration_seconds"`
	From      string    `parquet:"from_address"`
	To        string    `parquet:"to_address"`
}

type userRow struct {
	UserID     string   `parquet:"user_id"`
	Email      string   `parquet:"email"`
	FullName   string   `parquet:"full_name"`
	FirstName  *string  `parquet:"first_name,optional"`
	Title      *string  `parquet:"title,optional"`
	Roles      []string `parquet:"roles,list"`
	IsDisabled *bool    `parquet:"is_disabled,optional"`
}

type leadRow struct {
	RecordID    string  `parquet:"record_id"`
	RecordType  string  `parquet:"record_type"`
	Email       string  `parquet:"email"`
	FullName    string  `parquet:"full_name"`
	Company     *string `parquet:"company,optional"`
	OwnerUserID *string `parquet:"owner_user_id,optional"`
}

type optOutRow struct {
	Email      string     `parquet:"email"`
	OptedOutAt *time.Time `parquet:"opted_out_at,optional,timestamp(millisecond)"`
}

// tables is the whole organisation in memory, in file row order.
type tables struct {
	emails   []emailRow
	meetings []meetingRow
	calls    []callRow
	users    []userRow
	leads    []leadRow
	optOuts  []optOutRow
}

func ptr[T any](v T) *T { return &v }

// addrs turns addresses into a Parquet list with no null elements; lists
// that need a null element are spelled out where they are built.
func addrs(xs ...string) []*string {
	out := make([]*string, len(xs))
	for i, x := range xs {
		out[i] = &x
	}
	return out
}
