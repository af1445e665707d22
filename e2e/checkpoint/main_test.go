//go:build e2e

// Package checkpoint holds end-to-end tests of docker checkpoint and start
// --checkpoint: refusals by the e2e engine (not experimental) and the real
// calls against a private experimental daemon.
package checkpoint

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
