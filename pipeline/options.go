package pipeline

import (
	"fmt"
	"io"
	"log/slog"
	"math"
	"time"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/drafts"
)

// Options are the settings of one run, as the CLI resolved them.
type Options struct {
	Input string // input directory
	Out   string // output directory
	AsOf  time.Time

	LookbackDays  int
	HalfLifeDays  float64
	Top           int
	MaxRecipients int
	MaxAttendees  int

	// ContributorRoles limits contributors to holders of these roles; nil
	// means no limit.
	ContributorRoles []string
	// AccessRoles are the roles that let a record's owner use drafts.
	AccessRoles []string
	// AccessRolesGiven says AccessRoles came from the user rather than the
	// default, so a role no user holds is a mistake worth stopping for.
	AccessRolesGiven bool
	// InternalDomains replaces the default internal domains; nil keeps the
	// default (the domains of all users' emails).
	InternalDomains []string

	// MaxRejectFraction is the largest share of emails, meetings or address
	// occurrences that may be rejected as malformed (0..1).
	MaxRejectFraction float64

	Template     *drafts.Template
	TemplatePath string // empty for the built-in template

	BatchSize int              // rows per Arrow batch; 0 picks the readers' default
	Mem       memory.Allocator // nil means memory.DefaultAllocator
	Log       *slog.Logger     // nil discards
}

// Defaults of the contract.
const (
	DefaultLookbackDays  = 365
	DefaultHalfLifeDays  = 90
	DefaultTop           = 5
	DefaultMaxRecipients = 50
	DefaultMaxAttendees  = 50
	MaxTop               = 50
)

// DefaultAccessRoles are the roles that may use drafts unless --access-roles
// says otherwise.
var DefaultAccessRoles = []string{"Salesperson", "Sales Manager"}

// Check validates the settings; each error names its flag and wraps ErrUsage.
func (o *Options) Check() error {
	bad := func(flag string, format string, args ...any) error {
		return fmt.Errorf("%w: --%s: %s", ErrUsage, flag, fmt.Sprintf(format, args...))
	}
	switch {
	case o.Input == "":
		return bad("input", "must name a directory")
	case o.Out == "":
		return bad("out", "must name a directory")
	case o.AsOf.IsZero() || o.AsOf.Year() < 1900 || o.AsOf.Year() > 9999:
		return bad("as-of", "must be a date between 1900-01-01 and 9999-12-31")
	case o.LookbackDays < 1 || o.LookbackDays > 36600:
		return bad("lookback-days", "must be a whole number of days from 1 to 36600, got %d", o.LookbackDays)
	case !(o.HalfLifeDays > 0) || math.IsInf(o.HalfLifeDays, 0):
		return bad("half-life-days", "must be a positive number of days, got %v", o.HalfLifeDays)
	case o.Top < 1 || o.Top > MaxTop:
		return bad("top", "must be from 1 to %d, got %d", MaxTop, o.Top)
	case o.MaxRecipients < 1:
		return bad("max-recipients", "must be at least 1, got %d", o.MaxRecipients)
	case o.MaxAttendees < 2:
		return bad("max-attendees", "must be at least 2, got %d", o.MaxAttendees)
	case o.ContributorRoles != nil && len(o.ContributorRoles) == 0:
		return bad("contributor-roles", "names no role; leave the flag out to let every user contribute")
	case len(o.AccessRoles) == 0:
		return bad("access-roles", "names no role")
	case o.InternalDomains != nil && len(o.InternalDomains) == 0:
		return bad("internal-domains", "names no domain; leave the flag out for the default")
	case !(o.MaxRejectFraction >= 0 && o.MaxRejectFraction <= 1):
		return bad("max-reject-fraction", "must be from 0 to 1, got %v", o.MaxRejectFraction)
	case o.Template == nil:
		return bad("template", "no template")
	}
	return nil
}

// cutoff is C: 00:00 UTC of the as-of date.
func (o *Options) cutoff() time.Time {
	y, m, d := o.AsOf.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Date is the as-of date as partitions and file names spell it.
func (o *Options) Date() string {
	return o.cutoff().Format(time.DateOnly)
}

func (o *Options) logger() *slog.Logger {
	if o.Log == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o.Log
}
