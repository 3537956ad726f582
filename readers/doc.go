// Package readers streams wkw's input tables out of Parquet: it locates a
// table (NAME.parquet or a NAME/ directory of parts), checks every file's
// schema before any row is read, and hands out record batches row group by
// row group through typed, zero-copy column views.
//
// It is not for interpreting the data: address normalisation, merging and
// scoring live in package scoring.
package readers
