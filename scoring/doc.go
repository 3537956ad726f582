// Package scoring is wkw's model: address normalisation, who counts as a
// contributor or an external address, the interaction events of emails,
// meetings and calls, the per-pair connection strength, and the ranking of
// introducers per lead.
//
// The arithmetic is pure: it takes counted facts and a cutoff instant and
// returns numbers; it reads no clock, file or flag. Aggregation runs on dense
// integer ids (users by index, addresses interned once), so memory grows with
// the number of distinct colleague–address pairs, not with messages.
//
// It is not for reading or writing files: package readers feeds it rows and
// package writers formats what it returns.
package scoring
