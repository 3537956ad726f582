package pipeline

import (
	"fmt"

	"github.com/wkw/wkw/scoring"
)

// excludedLabels say in sales-ops words why a colleague is left out.
var excludedLabels = map[string]string{
	scoring.ExcludedInvalidEmail:   "Colleagues with an invalid email",
	scoring.ExcludedDuplicateEmail: "Colleagues sharing an email with another user",
	scoring.ExcludedDisabled:       "Disabled colleagues",
	scoring.ExcludedOptedOut:       "Colleagues who opted out",
	scoring.ExcludedRoleFilter:     "Colleagues outside the contributor roles",
}

// skipLabel says in sales-ops words what a skip counter counts.
func skipLabel(name string, o *Options) string {
	switch name {
	case "emails.broadcast":
		return fmt.Sprintf("Emails to more than %d recipients (broadcasts)", o.MaxRecipients)
	case "meetings.too_many_attendees":
		return fmt.Sprintf("Meetings with more than %d participants", o.MaxAttendees)
	}
	if l, ok := skipLabels[name]; ok {
		return l
	}
	return name
}

var skipLabels = map[string]string{
	"emails.null_message_id":               "Email rows without a message id",
	"emails.merged_duplicate_rows":         "Email rows merged into a copy from another mailbox",
	"emails.sender_disagreement":           "Emails whose copies disagree on the sender",
	"emails.no_sent_at":                    "Emails without a send time",
	"emails.no_valid_sender":               "Emails without a valid sender",
	"emails.outside_window":                "Emails outside the look-back window",
	"emails.no_recipients":                 "Emails without other valid recipients",
	"emails.invalid_sender_address":        "Invalid sender addresses",
	"emails.invalid_recipient_address":     "Invalid recipient addresses",
	"meetings.null_meeting_id":             "Meeting rows without a meeting id",
	"meetings.merged_duplicate_rows":       "Meeting rows merged into another copy",
	"meetings.cancelled":                   "Cancelled meetings",
	"meetings.no_start_at":                 "Meetings without a start time",
	"meetings.outside_window":              "Meetings outside the look-back window",
	"meetings.fewer_than_two_participants": "Meetings with fewer than two participants",
	"meetings.invalid_organizer_address":   "Invalid organizer addresses",
	"meetings.invalid_attendee_address":    "Invalid attendee addresses",
	"calls.not_connected":                  "Calls not connected (no duration)",
	"calls.no_started_at":                  "Calls without a start time",
	"calls.outside_window":                 "Calls outside the look-back window",
	"calls.no_contributor_external_pair":   "Calls not between a colleague and an outside party",
	"calls.invalid_address":                "Invalid call addresses",
}
