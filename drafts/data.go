package drafts

import (
	"strings"
	"time"
)

// Lead is the lead or contact the owner wants to meet.
type Lead struct {
	FullName, FirstName, Email, Company, RecordType string
}

// Person is a colleague: the introducer or the lead's owner.
type Person struct {
	FullName, FirstName, Email, Title string
}

// Connection is the introducer's connection strength to the lead.
type Connection struct {
	Score                                       float64   // 0..100, unrounded
	Band                                        string    // strong | moderate | weak
	LastInteraction                             time.Time // UTC
	EmailsSent, EmailsReceived, Meetings, Calls int64
}

// Data is what a template sees: .Lead, .Introducer, .Owner, .Connection.
type Data struct {
	Lead       Lead
	Introducer Person
	Owner      Person
	Connection Connection
}

// FirstName returns first if non-blank (trimmed), else the first word of full,
// else the local part of email (before the last '@'), else "". An email
// without '@' has no local part and gives "".
func FirstName(first, full, email string) string {
	if f := strings.TrimSpace(first); f != "" {
		return f
	}
	if words := strings.Fields(full); len(words) > 0 {
		return words[0]
	}
	email = strings.TrimSpace(email)
	if i := strings.LastIndexByte(email, '@'); i >= 0 {
		return strings.TrimSpace(email[:i])
	}
	return ""
}

// Example is a representative record used for checking templates and by
// `wkw template check`. Every field is set, so that a render shows them all.
func Example() Data {
	return Data{
		Lead: Lead{
			FullName:   "Ann Lee",
			FirstName:  "Ann",
			Email:      "ann.lee@acme.example",
			Company:    "Acme Corp",
			RecordType: "lead",
		},
		Introducer: Person{
			FullName:  "Bob Stone",
			FirstName: "Bob",
			Email:     "bob.stone@wkw.example",
			Title:     "Account Executive",
		},
		Owner: Person{
			FullName:  "Carol Diaz",
			FirstName: "Carol",
			Email:     "carol.diaz@wkw.example",
			Title:     "Sales Manager",
		},
		Connection: Connection{
			Score:           72.4561,
			Band:            "strong",
			LastInteraction: time.Date(2025, time.March, 3, 14, 30, 0, 0, time.UTC),
			EmailsSent:      12,
			EmailsReceived:  9,
			Meetings:        3,
			Calls:           1,
		},
	}
}

// lineBreaks turns every line break a field value may carry into a space.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ")

// clean returns d with line breaks in its text replaced by spaces and
// surrounding white space trimmed. Input data is free text from a CRM: a
// company name with a newline in it must not split the subject line, break
// the shape Parse checked or smuggle a header into a mail program, and a
// company of "  " must fail {{with .Lead.Company}} like an empty one.
func (d Data) clean() Data {
	for _, s := range []*string{
		&d.Lead.FullName, &d.Lead.FirstName, &d.Lead.Email, &d.Lead.Company, &d.Lead.RecordType,
		&d.Introducer.FullName, &d.Introducer.FirstName, &d.Introducer.Email, &d.Introducer.Title,
		&d.Owner.FullName, &d.Owner.FirstName, &d.Owner.Email, &d.Owner.Title,
		&d.Connection.Band,
	} {
		*s = cleanText(*s)
	}
	return d
}

// cleanText is one field of clean. Most values are plain ASCII on one line,
// which only needs trimming.
func cleanText(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\r' || c == '\n' || c >= 0x80 {
			return strings.TrimSpace(lineBreaks.Replace(s))
		}
	}
	return strings.TrimSpace(s)
}
