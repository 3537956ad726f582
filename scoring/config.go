package scoring

// Config is the part of a run's settings the model needs. Times are UTC
// microseconds since the epoch.
type Config struct {
	Cutoff        int64   // C: 00:00 UTC of the as-of date; interactions at or after it do not count
	LookbackDays  int     // the window is [C - LookbackDays days, C)
	HalfLifeDays  float64 // decay half-life
	MaxRecipients int     // more distinct recipients than this is a broadcast
	MaxAttendees  int     // more participants than this is a large meeting
	Top           int     // introducers kept per record
}

// WindowStart is the first instant that counts.
func (c Config) WindowStart() int64 {
	return c.Cutoff - int64(c.LookbackDays)*dayMicros
}

// InWindow reports whether an interaction at t counts: C - lookback <= t < C.
func (c Config) InWindow(t int64) bool {
	return t >= c.WindowStart() && t < c.Cutoff
}
