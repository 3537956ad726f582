package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path"
	"time"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/scoring"
	"github.com/wkw/wkw/writers"
)

// Run performs one nightly run and returns its manifest. On any error the
// output directory is left as it was.
func Run(ctx context.Context, o Options) (*Manifest, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	log := o.logger()
	sw := &stopwatch{last: time.Now()}
	man := &Manifest{Tool: "wkw", SchemaVersion: writers.SchemaVersion, AsOf: o.Date(), StartedAt: sw.last.UTC()}
	// The output directory is locked before anything is read, so a second
	// run on it fails at once rather than after minutes of work.
	st, err := writers.Begin(o.Out)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			st.Abort()
		}
	}()
	tables, err := openTables(o.Input)
	if err != nil {
		return nil, err
	}
	in, err := load(ctx, &o, tables, man, sw, log)
	if err != nil {
		return nil, err
	}
	if err := man.Quality.check(o.Input); err != nil {
		return nil, err
	}
	g, recs := in.g, in.recs
	dir := g.Dir

	g.Finish()
	g.Seal()
	ranked := g.Rank(recs)
	// The connections need nothing but the pairs: they are written while the
	// drafts are rendered. Stopping the run waits for them before the stage
	// is aborted (defers run last first).
	conns := writeConnections(ctx, st, &o, g)
	defer conns.wait()
	res, err := collect(&o, g, recs, ranked)
	if err != nil {
		return nil, err
	}
	sw.lap("rank")

	man.Settings = settings(&o, dir)
	man.RowsRead = map[string]int64{}
	for name, t := range tables {
		man.RowsRead[name] = t.Rows()
	}
	if res.renderErr != nil {
		log.Warn("drafts skipped: the template failed on their data", "drafts", res.draftSkips[draftRenderFailed], "first", res.renderErr.Error())
	}
	for _, reason := range []string{draftNoOwner, draftUnknownOwner, draftDisabled, draftNoAccessRole, draftOwnerNoEmail, draftRenderFailed} {
		man.Skipped["drafts."+reason] = res.draftSkips[reason]
	}
	man.Records = map[string]int64{"total": int64(len(recs))}
	for _, k := range []string{"with_introducers", "nobody_knows", "invalid_email", "internal_email", "unknown_owner"} {
		man.Records[k] = res.records[k]
	}

	committed = true // write commits or aborts the stage itself
	pairs := g.Pairs().Len()
	if err := write(ctx, st, &o, g, res, conns, man, sw, log); err != nil {
		return nil, err
	}
	log.Info("run finished", "as_of", man.AsOf, "connections", pairs,
		"introducer_rows", len(res.introducers), "drafts", len(res.drafts),
		"records_with_introducers", res.records["with_introducers"], "records", len(recs),
		"seconds", time.Since(man.StartedAt).Round(time.Millisecond).Seconds())
	return man, nil
}

// loaded is what a run has read from its inputs.
type loaded struct {
	g    *scoring.Graph
	recs []scoring.Record
	tc   tableCounts
}

// load reads every table into the model: the directory first, then emails,
// meetings and calls, and measures the share of rejects into man.Quality.
func load(ctx context.Context, o *Options, tables map[string]*readers.Table, man *Manifest, sw *stopwatch, log *slog.Logger) (*loaded, error) {
	mem := o.Mem
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	for _, spec := range tableSpecs {
		if t := tables[spec.name]; t != nil {
			for _, f := range t.Files {
				man.Inputs = append(man.Inputs, InputFile{spec.name, f.Path, f.Size, f.Rows, f.RowGroups})
			}
		}
	}
	if tables["users"].Rows() == 0 {
		return nil, fmt.Errorf("%w: table users in %s has no rows", ErrInput, o.Input)
	}
	sw.lap("check_inputs")
	log.Info("inputs checked", "input", o.Input, "files", len(man.Inputs))

	res := &loaded{}
	users, err := readUsers(ctx, tables["users"], mem, o.BatchSize, &res.tc)
	if err != nil {
		return nil, inputErr(err)
	}
	if res.recs, err = readLeads(ctx, tables["leads"], mem, o.BatchSize, &res.tc); err != nil {
		return nil, inputErr(err)
	}
	var optOuts []string
	if t := tables["opt_outs"]; t != nil {
		if optOuts, err = readOptOuts(ctx, t, mem, o.BatchSize, &res.tc); err != nil {
			return nil, inputErr(err)
		}
	}
	dir, err := scoring.NewDirectory(users, optOuts, o.ContributorRoles, o.InternalDomains)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInput, tables["users"].Files[0].Path, err)
	}
	if err := checkRoles(o, dir); err != nil {
		return nil, err
	}
	sw.lap("read_directory")
	log.Info("directory read", "users", len(users), "records", len(res.recs), "opt_outs", len(optOuts))

	cfg := scoring.Config{
		Cutoff:        o.cutoff().UnixMicro(),
		LookbackDays:  o.LookbackDays,
		HalfLifeDays:  o.HalfLifeDays,
		MaxRecipients: o.MaxRecipients,
		MaxAttendees:  o.MaxAttendees,
		Top:           o.Top,
	}
	res.g = scoring.NewGraph(cfg, dir)
	in := &ingest{g: res.g, mem: mem, batch: o.BatchSize}
	if err := in.messages(ctx, tables["emails"], false); err != nil {
		return nil, inputErr(err)
	}
	sw.lap("emails")
	if t := tables["meetings"]; t != nil {
		if err := in.messages(ctx, t, true); err != nil {
			return nil, inputErr(err)
		}
	}
	sw.lap("meetings")
	if t := tables["calls"]; t != nil {
		if err := in.calls(ctx, t); err != nil {
			return nil, inputErr(err)
		}
	}
	sw.lap("calls")
	log.Info("interactions read", "pairs", res.g.Pairs().Len(), "addresses", dir.NumAddrs())
	man.Quality = quality(&res.g.Counters, res.g.Totals, o.MaxRejectFraction)
	man.Skipped = skipped(&res.g.Counters, res.tc)
	man.ExcludedUsers = countMap(dir.Excluded())
	return res, nil
}

// openTables locates every table and checks every file's schema before any
// row is read.
func openTables(input string) (map[string]*readers.Table, error) {
	if fi, err := os.Stat(input); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%w: --input %s: not a readable directory", ErrInput, input)
	}
	tables := map[string]*readers.Table{}
	for _, spec := range tableSpecs {
		t, err := openTable(input, spec)
		if err != nil {
			return nil, err
		}
		if t != nil {
			tables[spec.name] = t
		}
	}
	return tables, nil
}

// openTable locates one table and checks its files' schemas. An absent
// optional table is (nil, nil); an absent required one is an error that
// also wraps readers.ErrMissing.
func openTable(input string, spec tableSpec) (*readers.Table, error) {
	t, err := readers.Open(input, spec.name, spec.columns)
	switch {
	case errors.Is(err, readers.ErrMissing) && !spec.required:
		return nil, nil
	case errors.Is(err, readers.ErrMissing):
		return nil, fmt.Errorf("%w: required table %s: neither %s.parquet nor %s/ in %s: %w", ErrInput, spec.name, spec.name, spec.name, input, readers.ErrMissing)
	case err != nil:
		return nil, inputErr(err)
	}
	return t, nil
}

// checkRoles stops a run whose role flags name a role no user holds: a typo
// there would silently leave everyone out.
func checkRoles(o *Options, dir *scoring.Directory) error {
	held := map[string]bool{}
	for _, m := range dir.Members {
		for _, r := range m.Roles {
			held[scoring.NormalizeRole(r)] = true
		}
	}
	check := func(flag string, roles []string) error {
		for _, r := range roles {
			if !held[scoring.NormalizeRole(r)] {
				return fmt.Errorf("%w: --%s: no user holds the role %q", ErrUsage, flag, r)
			}
		}
		return nil
	}
	if err := check("contributor-roles", o.ContributorRoles); err != nil {
		return err
	}
	if o.AccessRolesGiven {
		return check("access-roles", o.AccessRoles)
	}
	return nil
}

// inputErr classifies an error from reading as bad input unless it already
// has a kind (a cancelled context stays a cancellation).
func inputErr(err error) error {
	if errors.Is(err, ErrInput) || errors.Is(err, ErrUsage) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrInput, err)
}

// skipped lists every skip and reject counter by reason.
func skipped(c *scoring.Counters, tc tableCounts) map[string]int64 {
	m := countMap(c.List())
	m["users.null_user_id"] = tc.UsersNullID
	m["leads.null_record_id"] = tc.LeadsNullID
	m["opt_outs.null_email"] = tc.OptOutsNull
	m["users_leads.invalid_utf8_text_repaired"] = tc.InvalidUTF8
	return m
}

func settings(o *Options, dir *scoring.Directory) Settings {
	tmpl := o.TemplatePath
	if tmpl == "" {
		tmpl = "built-in"
	}
	c := o.cutoff()
	return Settings{
		Input:            o.Input,
		Out:              o.Out,
		AsOf:             o.Date(),
		WindowStart:      c.AddDate(0, 0, -o.LookbackDays).Format(time.RFC3339),
		WindowEnd:        c.Format(time.RFC3339),
		LookbackDays:     o.LookbackDays,
		HalfLifeDays:     o.HalfLifeDays,
		Top:              o.Top,
		MaxRecipients:    o.MaxRecipients,
		MaxAttendees:     o.MaxAttendees,
		ContributorRoles: o.ContributorRoles,
		AccessRoles:      o.AccessRoles,
		InternalDomains:  dir.Domains(),
		Template:         tmpl,
	}
}

// partition is the Hive-style directory of one table's outputs for date.
func partition(table, date string) string {
	return path.Join(table, "as_of="+date)
}
