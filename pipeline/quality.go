package pipeline

import (
	"fmt"

	"github.com/wkw/wkw/scoring"
)

// DefaultMaxRejectFraction is the share of emails, meetings or address
// occurrences that may be rejected as malformed before a run fails. A healthy
// export rejects well under 5% (a few "undisclosed-recipients:;" and typos);
// a fifth or more means a broken export that must not pass quietly as a thin
// report.
const DefaultMaxRejectFraction = 0.2

// Quality is what share of the input was rejected as malformed, as the
// manifest reports it.
type Quality struct {
	EmailsRejected         float64 `json:"emails_rejected_fraction"`
	MeetingsRejected       float64 `json:"meetings_rejected_fraction"`
	AddressesRejected      float64 `json:"addresses_rejected_fraction"`
	MaxRejectFraction      float64 `json:"max_reject_fraction"`
	EmailsSeen             int64   `json:"emails_seen"`
	MeetingsSeen           int64   `json:"meetings_seen"`
	AddressOccurrencesSeen int64   `json:"address_occurrences_seen"`
}

func fraction(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// quality measures the rejects of a run.
func quality(c *scoring.Counters, n scoring.Totals, max float64) Quality {
	emails := n.Emails + c.EmailNullID
	meetings := n.Meetings + c.MeetingNullID
	return Quality{
		EmailsRejected:         fraction(c.RejectedEmails(), emails),
		MeetingsRejected:       fraction(c.RejectedMeetings(), meetings),
		AddressesRejected:      fraction(c.InvalidAddresses(), n.Addresses),
		MaxRejectFraction:      max,
		EmailsSeen:             emails,
		MeetingsSeen:           meetings,
		AddressOccurrencesSeen: n.Addresses,
	}
}

// check fails a run whose input looks broken: no emails at all, or too large
// a share rejected.
func (q Quality) check(input string) error {
	if q.EmailsSeen == 0 {
		return fmt.Errorf("%w: the emails table in %s has no rows: there is nothing to score; check that the export finished", ErrInput, input)
	}
	for _, r := range []struct {
		what string
		f    float64
	}{
		{"emails", q.EmailsRejected},
		{"meetings", q.MeetingsRejected},
		{"address occurrences", q.AddressesRejected},
	} {
		if r.f > q.MaxRejectFraction {
			return fmt.Errorf("%w: %.1f%% of %s in %s were rejected as malformed, more than --max-reject-fraction %g allows; the export looks broken (see the reject counts by reason with wkw validate)",
				ErrInput, 100*r.f, r.what, input, q.MaxRejectFraction)
		}
	}
	return nil
}
