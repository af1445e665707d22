//go:build !linux

package cliplugins

import (
	"os"
	"path/filepath"
)

func socketAddr(name string) string { return filepath.Join(os.TempDir(), name) }
