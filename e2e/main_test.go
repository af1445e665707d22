//go:build e2e

// Package e2e holds end-to-end tests of bin/docker against the engine from
// scripts/engine.sh; group tests live in e2e/<group>/, each with a TestMain
// like this one.
package e2e

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
