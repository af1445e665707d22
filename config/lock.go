package config

import (
	"os"
	"path/filepath"
	"syscall"
)

// lock takes an advisory lock (flock) on config.json.lock beside config.json
// and returns its release. Without a lock file (a read-only directory) the
// caller goes on unlocked: the write that follows reports the real problem.
func (f *File) lock() (unlock func()) {
	dir := filepath.Dir(f.path)
	_ = os.MkdirAll(dir, 0o700)
	lf, err := os.OpenFile(f.path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return func() {}
	}
	for {
		err = syscall.Flock(int(lf.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		lf.Close()
		return func() {}
	}
	return func() { lf.Close() } // closing the descriptor releases the lock
}

// Update re-reads config.json, applies change to it and saves it, all under
// the lock: writers running at once (parallel logins) each start from what
// the others saved, so no entry is lost, and unknown keys and the file's
// mode are kept as by Save. Afterwards f holds what was saved.
func (f *File) Update(change func(*File) error) error {
	unlock := f.lock()
	defer unlock()
	// A file that does not parse is treated as Load treats it: what
	// decoded is kept (the reference warns once, at start, and overwrites).
	fresh, _ := Load(filepath.Dir(f.path))
	fresh.path = f.path
	if err := change(fresh); err != nil {
		return err
	}
	if err := fresh.write(); err != nil {
		return err
	}
	*f = *fresh
	return nil
}
