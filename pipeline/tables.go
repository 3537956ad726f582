package pipeline

import "github.com/wkw/wkw/readers"

// The columns each table is read with, in the order batches index them.
// Columns the model never needs (subject, end_at, call_id, opted_out_at) are
// not read at all.
var (
	emailColumns = []readers.Column{
		{Name: "message_id", Kind: readers.String, Required: true},
		{Name: "sent_at", Kind: readers.Timestamp, Required: true},
		{Name: "from_address", Kind: readers.String, Required: true},
		{Name: "to_addresses", Kind: readers.StringList},
		{Name: "cc_addresses", Kind: readers.StringList},
		{Name: "bcc_addresses", Kind: readers.StringList},
	}
	meetingColumns = []readers.Column{
		{Name: "meeting_id", Kind: readers.String, Required: true},
		{Name: "start_at", Kind: readers.Timestamp, Required: true},
		{Name: "organizer_address", Kind: readers.String, Required: true},
		{Name: "required_attendees", Kind: readers.StringList},
		{Name: "optional_attendees", Kind: readers.StringList},
		{Name: "is_cancelled", Kind: readers.Bool},
	}
	callColumns = []readers.Column{
		{Name: "started_at", Kind: readers.Timestamp, Required: true},
		{Name: "duration_seconds", Kind: readers.Int64, Required: true},
		{Name: "from_address", Kind: readers.String, Required: true},
		{Name: "to_address", Kind: readers.String, Required: true},
	}
	userColumns = []readers.Column{
		{Name: "user_id", Kind: readers.String, Required: true},
		{Name: "email", Kind: readers.String, Required: true},
		{Name: "full_name", Kind: readers.String, Required: true},
		{Name: "first_name", Kind: readers.String},
		{Name: "title", Kind: readers.String},
		{Name: "roles", Kind: readers.StringList, Required: true},
		{Name: "is_disabled", Kind: readers.Bool},
	}
	leadColumns = []readers.Column{
		{Name: "record_id", Kind: readers.String, Required: true},
		{Name: "record_type", Kind: readers.String, Required: true},
		{Name: "email", Kind: readers.String, Required: true},
		{Name: "full_name", Kind: readers.String, Required: true},
		{Name: "company", Kind: readers.String},
		{Name: "owner_user_id", Kind: readers.String},
	}
	optOutColumns = []readers.Column{
		{Name: "email", Kind: readers.String, Required: true},
	}
)

// Column positions of the message-like tables, matching the slices above.
const (
	colID = iota
	colTime
	colSender
	colList1
	colList2
	colList3 // bcc; for meetings: is_cancelled
)

// tableSpec names an input table, its columns and whether a run needs it.
type tableSpec struct {
	name     string
	columns  []readers.Column
	required bool
}

var tableSpecs = []tableSpec{
	{"users", userColumns, true},
	{"leads", leadColumns, true},
	{"opt_outs", optOutColumns, false},
	{"emails", emailColumns, true},
	{"meetings", meetingColumns, false},
	{"calls", callColumns, false},
}
