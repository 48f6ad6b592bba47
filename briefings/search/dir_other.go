//go:build !unix

package search

import (
	"errors"
	"os"
)

var errLocked = errors.New("locked by another process")

// lockFile cannot lock here: an index is not kept on disk.
func lockFile(*os.File) error {
	return errors.New("file locks are not supported on this system")
}
