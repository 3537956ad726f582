// Package samples holds Brightlane, the made-up organisation that `wkw run`
// reads when it is given no input directory, and the generator that writes
// its six input tables (emails, meetings, calls, users, leads, opt_outs) as
// Parquet files.
//
// The data is a story written to be checked by hand: every lead or contact
// has interactions chosen so that SPEC §3–§6 rank its introducers clearly,
// and each awkward case the contract names (opt-outs, disabled users,
// broadcasts, merged copies of one message, cancelled or oversized meetings,
// unconnected calls, invalid and internal addresses, the window's edges, one
// exact tie) appears at least once where its effect shows in the output.
// README.md tells the story; Expected returns the same outcomes as data for
// golden tests.
//
// Synthesize, separately, writes a large synthetic organisation of any size
// for benchmarks (`wkw generate`): realistic in shape — heavy-tailed
// popularity, copies of messages from several mailboxes, broadcasts, invalid
// addresses — but not checked by hand.
//
// It is not a test fixture for malformed files (those live in
// testdata/malformed).
//
//go:generate go run ./gen -out .
package samples
