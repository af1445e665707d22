//go:build e2e

// Package trust holds end-to-end tests of docker trust and content trust:
// the local registry has no notary server, so every path ends in the
// reference's errors for an unreachable one.
package trust

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
