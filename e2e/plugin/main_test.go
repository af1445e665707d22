//go:build e2e

// Package plugin holds end-to-end tests of docker plugin.
package plugin

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
