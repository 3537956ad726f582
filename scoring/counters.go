package scoring

// Counters are the skip and reject counts of one run, by reason. Every
// counter is listed by List, which is what the manifest and the workbook show.
type Counters struct {
	// Addresses dropped as invalid, per occurrence, by where they occurred.
	InvalidSender, InvalidRecipient, InvalidOrganizer, InvalidAttendee, InvalidCallParty int64

	EmailNullID, EmailNoSentAt, EmailNoSender, EmailOutsideWindow, EmailNoRecipients, EmailBroadcast int64
	EmailMerged, EmailSenderDisagreement                                                             int64

	MeetingNullID, MeetingCancelled, MeetingNoStartAt, MeetingOutsideWindow, MeetingTooFew, MeetingTooLarge int64
	MeetingMerged                                                                                           int64

	CallNotConnected, CallNoStartedAt, CallOutsideWindow, CallNoPair int64
}

// Totals are what reject fractions are taken of: whole messages and
// meetings after merging, and non-null address occurrences, valid or not.
type Totals struct {
	Emails, Meetings, Addresses int64
}

// InvalidAddresses is the number of address occurrences dropped as invalid.
func (c *Counters) InvalidAddresses() int64 {
	return c.InvalidSender + c.InvalidRecipient + c.InvalidOrganizer + c.InvalidAttendee + c.InvalidCallParty
}

// RejectedEmails counts emails unusable because of the export itself: no id,
// no time or no valid sender. Skips by rule (window, broadcast) are not
// rejects.
func (c *Counters) RejectedEmails() int64 {
	return c.EmailNullID + c.EmailNoSentAt + c.EmailNoSender
}

// RejectedMeetings counts meetings unusable because of the export itself.
func (c *Counters) RejectedMeetings() int64 {
	return c.MeetingNullID + c.MeetingNoStartAt
}

// Count is one named counter.
type Count struct {
	Name  string
	Value int64
}

// List returns every counter with its stable name, in a fixed order.
func (c *Counters) List() []Count {
	return []Count{
		{"emails.null_message_id", c.EmailNullID},
		{"emails.merged_duplicate_rows", c.EmailMerged},
		{"emails.sender_disagreement", c.EmailSenderDisagreement},
		{"emails.no_sent_at", c.EmailNoSentAt},
		{"emails.no_valid_sender", c.EmailNoSender},
		{"emails.outside_window", c.EmailOutsideWindow},
		{"emails.no_recipients", c.EmailNoRecipients},
		{"emails.broadcast", c.EmailBroadcast},
		{"emails.invalid_sender_address", c.InvalidSender},
		{"emails.invalid_recipient_address", c.InvalidRecipient},
		{"meetings.null_meeting_id", c.MeetingNullID},
		{"meetings.merged_duplicate_rows", c.MeetingMerged},
		{"meetings.cancelled", c.MeetingCancelled},
		{"meetings.no_start_at", c.MeetingNoStartAt},
		{"meetings.outside_window", c.MeetingOutsideWindow},
		{"meetings.fewer_than_two_participants", c.MeetingTooFew},
		{"meetings.too_many_attendees", c.MeetingTooLarge},
		{"meetings.invalid_organizer_address", c.InvalidOrganizer},
		{"meetings.invalid_attendee_address", c.InvalidAttendee},
		{"calls.not_connected", c.CallNotConnected},
		{"calls.no_started_at", c.CallNoStartedAt},
		{"calls.outside_window", c.CallOutsideWindow},
		{"calls.no_contributor_external_pair", c.CallNoPair},
		{"calls.invalid_address", c.InvalidCallParty},
	}
}
