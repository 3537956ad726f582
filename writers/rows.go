package writers

import "time"

// SchemaVersion is the layout version of every Parquet file wkw writes. It is
// stored under the key "wkw.schema_version" in each file's key-value metadata;
// any change of column names, types or meaning bumps it.
const SchemaVersion = "1"

// SchemaVersionKey is the Parquet key-value metadata key holding SchemaVersion.
const SchemaVersionKey = "wkw.schema_version"

// Date is a calendar date as Parquet's DATE stores it: days since
// 1970-01-01. (parquet-go mis-encodes time.Time under the "date" tag, so the
// rows carry the day number itself.)
type Date int32

// DateOf returns the date of t in UTC.
func DateOf(t time.Time) Date {
	return Date(t.UTC().Truncate(24*time.Hour).Unix() / 86400)
}

// Time returns 00:00 UTC of d.
func (d Date) Time() time.Time {
	return time.Unix(int64(d)*86400, 0).UTC()
}

// ConnectionRow is one row of connections/as_of=D: the strength of one
// contributor's tie to one external address. Times are UTC.
type ConnectionRow struct {
	AsOf               Date      `parquet:"as_of,date"`
	UserID             string    `parquet:"user_id,dict"`
	UserEmail          string    `parquet:"user_email,dict"`
	UserFullName       *string   `parquet:"user_full_name,optional,dict"`
	ExternalAddress    string    `parquet:"external_address"`
	EmailsSent         int64     `parquet:"emails_sent"`
	EmailsReceived     int64     `parquet:"emails_received"`
	Meetings           int64     `parquet:"meetings"`
	Calls              int64     `parquet:"calls"`
	FirstInteractionAt time.Time `parquet:"first_interaction_at,timestamp(microsecond)"`
	LastInteractionAt  time.Time `parquet:"last_interaction_at,timestamp(microsecond)"`
	Strength           float64   `parquet:"strength"`
	Score              float64   `parquet:"score"`
	Band               string    `parquet:"band,dict"`
}

// IntroducerRow is one row of introducers/as_of=D: the colleague at Rank who
// can introduce the owner of a lead or contact.
type IntroducerRow struct {
	AsOf               Date      `parquet:"as_of,date"`
	RecordID           string    `parquet:"record_id"`
	RecordType         *string   `parquet:"record_type,optional"`
	LeadFullName       *string   `parquet:"lead_full_name,optional"`
	LeadEmail          string    `parquet:"lead_email"`
	LeadCompany        *string   `parquet:"lead_company,optional"`
	OwnerUserID        *string   `parquet:"owner_user_id,optional"`
	OwnerFullName      *string   `parquet:"owner_full_name,optional"`
	OwnerScore         *float64  `parquet:"owner_score,optional"`
	Rank               int32     `parquet:"rank"`
	IntroducerUserID   string    `parquet:"introducer_user_id"`
	IntroducerFullName *string   `parquet:"introducer_full_name,optional"`
	IntroducerEmail    string    `parquet:"introducer_email"`
	IntroducerTitle    *string   `parquet:"introducer_title,optional"`
	Score              float64   `parquet:"score"`
	Band               string    `parquet:"band,dict"`
	EmailsSent         int64     `parquet:"emails_sent"`
	EmailsReceived     int64     `parquet:"emails_received"`
	Meetings           int64     `parquet:"meetings"`
	Calls              int64     `parquet:"calls"`
	LastInteractionAt  time.Time `parquet:"last_interaction_at,timestamp(microsecond)"`
}

// DraftRow is one row of drafts/as_of=D: a ready-to-send request from a
// record's owner to one introducer.
type DraftRow struct {
	AsOf        Date   `parquet:"as_of,date"`
	RecordID    string `parquet:"record_id"`
	Rank        int32  `parquet:"rank"`
	FromAddress string `parquet:"from_address"`
	ToAddress   string `parquet:"to_address"`
	Subject     string `parquet:"subject"`
	Body        string `parquet:"body"`
	Mailto      string `parquet:"mailto"`
}
