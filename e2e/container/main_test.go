//go:build e2e

// Package container holds end-to-end tests of the container commands.
package container

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
