package writers

import "errors"

// ErrLocked means another run holds the output directory.
var ErrLocked = errors.New("output directory in use by another run")

// ErrOutput classifies failures to write or commit outputs.
var ErrOutput = errors.New("cannot write outputs")
