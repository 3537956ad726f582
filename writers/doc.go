// Package writers writes a run's outputs: the Parquet tables of connections,
// introducers and drafts with their documented schema, the sales-ops Excel
// workbook, and the run manifest, each into a staging area that is committed
// in one step so a reader never sees a partial output.
//
// It is not for deciding what to write: rows arrive fully computed.
package writers
