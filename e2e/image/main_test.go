//go:build e2e

// Package image holds end-to-end tests of the image commands.
package image

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
