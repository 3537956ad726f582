package pipeline

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/scoring"
)

// readUsers reads the users table; rows without a user_id are dropped and
// counted. Users are few (thousands), so they are held as values.
func readUsers(ctx context.Context, t *readers.Table, mem memory.Allocator, batch int, c *tableCounts) ([]scoring.User, error) {
	var users []scoring.User
	err := t.Scan(ctx, mem, batch, func(b *readers.Batch) error {
		ids, emails, names, firsts, titles, roles, disabled := b.Str(0), b.Str(1), b.Str(2), b.Str(3), b.Str(4), b.List(5), b.Bool(6)
		for i := 0; i < b.Len; i++ {
			id, ok := ids.Value(i)
			if !ok {
				c.UsersNullID++
				continue
			}
			u := scoring.User{ID: clean(id, c)}
			u.Email = cloned(emails, i, c)
			u.FullName = cloned(names, i, c)
			u.FirstName = cloned(firsts, i, c)
			u.Title = cloned(titles, i, c)
			start, end := roles.Range(i)
			for j := start; j < end; j++ {
				if r, ok := roles.Elem(j); ok {
					u.Roles = append(u.Roles, strings.Clone(r))
				}
			}
			u.Disabled, _ = disabled.Value(i)
			users = append(users, u)
		}
		return nil
	})
	return users, err
}

// readLeads reads the leads table; rows without a record_id are dropped and
// counted, and a record_id seen twice fails the run.
func readLeads(ctx context.Context, t *readers.Table, mem memory.Allocator, batch int, c *tableCounts) ([]scoring.Record, error) {
	var recs []scoring.Record
	seen := make(map[string]struct{})
	err := t.Scan(ctx, mem, batch, func(b *readers.Batch) error {
		ids, types, emails, names, companies, owners := b.Str(0), b.Str(1), b.Str(2), b.Str(3), b.Str(4), b.Str(5)
		for i := 0; i < b.Len; i++ {
			id, ok := ids.Value(i)
			if !ok {
				c.LeadsNullID++
				continue
			}
			r := scoring.Record{ID: clean(id, c)}
			if _, dup := seen[r.ID]; dup {
				return fmt.Errorf("%w: duplicate leads.record_id %q in %s", ErrInput, r.ID, b.File)
			}
			seen[r.ID] = struct{}{}
			r.Type = cloned(types, i, c)
			r.Email = cloned(emails, i, c)
			r.FullName = cloned(names, i, c)
			r.Company = cloned(companies, i, c)
			if o, ok := owners.Value(i); ok {
				r.Owner, r.HasOwner = clean(o, c), true
			}
			recs = append(recs, r)
		}
		return nil
	})
	return recs, err
}

// readOptOuts reads the opted-out addresses, raw; nulls are dropped and
// counted.
func readOptOuts(ctx context.Context, t *readers.Table, mem memory.Allocator, batch int, c *tableCounts) ([]string, error) {
	var out []string
	err := t.Scan(ctx, mem, batch, func(b *readers.Batch) error {
		emails := b.Str(0)
		for i := 0; i < b.Len; i++ {
			if e, ok := emails.Value(i); ok {
				out = append(out, strings.Clone(e))
			} else {
				c.OptOutsNull++
			}
		}
		return nil
	})
	return out, err
}

// cloned copies a string out of a batch; null reads as empty.
func cloned(c readers.StringColumn, i int, tc *tableCounts) string {
	s, _ := c.Value(i)
	return clean(s, tc)
}

// clean copies text from the CRM, which goes into Parquet STRING columns,
// drafts and the workbook, all of which must be UTF-8: invalid bytes become
// U+FFFD and are counted.
func clean(s string, tc *tableCounts) string {
	if !utf8.ValidString(s) {
		tc.InvalidUTF8++
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Clone(s)
}
