//go:build e2e

// Package manifest holds end-to-end tests of docker manifest against the
// local registry.
package manifest

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
