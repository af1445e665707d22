package config

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// writeAtomic replaces path with data via a temp file and rename. The
// temp file takes the mode and owner of an existing path, else mode.
func writeAtomic(path string, data []byte, mode os.FileMode) error {
	return replaceFile(path, data, mode, true)
}

// writeAtomicMode is writeAtomic with a fixed mode.
func writeAtomicMode(path string, data []byte, mode os.FileMode) error {
	return replaceFile(path, data, mode, false)
}

func replaceFile(path string, data []byte, mode os.FileMode, keepExisting bool) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if fi, statErr := os.Stat(path); keepExisting && statErr == nil {
		mode = fi.Mode().Perm()
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			// Best effort: only root can give a file away.
			_ = tmp.Chown(int(st.Uid), int(st.Gid))
		}
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	return nil
}
