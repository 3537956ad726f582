package readers

import "errors"

// ErrMissing reports that neither NAME.parquet nor NAME/ exists. The caller
// decides whether that is fatal: some tables are optional.
var ErrMissing = errors.New("table missing")

// ErrLayout reports an input layout that cannot be read unambiguously, such
// as NAME.parquet and NAME/ both present, or NAME.parquet being a directory.
var ErrLayout = errors.New("bad table layout")

// ErrSchema reports a file whose schema does not fit the projection: a
// required column is absent, a column has the wrong type, or a name occurs
// twice among the top-level fields.
var ErrSchema = errors.New("schema mismatch")

// ErrCorrupt reports a file that is not valid Parquet or whose data does not
// match its own footer: a bad footer, an undecodable page, or a row group that
// yields a different number of rows than it declares.
var ErrCorrupt = errors.New("corrupt parquet file")
