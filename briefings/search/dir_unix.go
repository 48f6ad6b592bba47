//go:build unix

package search

import (
	"errors"
	"os"
	"syscall"
)

// errLocked is returned by lockFile for a file another holder locked.
var errLocked = errors.New("locked by another process")

// lockFile takes an exclusive lock on f without waiting; the lock goes
// with the file's closing or the process's end, however it ends.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLocked
	}
	return err
}
