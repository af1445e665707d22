// Package config reads and writes the CLI's on-disk state: config.json and
// the context store under <dir>/contexts.
package config

import (
	"os"
	"path/filepath"
)

// FileName is the name of the config file inside the config directory.
const FileName = "config.json"

// Dir returns the config directory: the --config flag value, else
// $DOCKER_CONFIG, else $HOME/.docker.
func Dir(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if d := os.Getenv("DOCKER_CONFIG"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		// No home: fall back to a relative dir rather than failing start-up.
		return ".docker"
	}
	return filepath.Join(home, ".docker")
}
