//go:build e2e

// Package context tests `docker context` and the transports a context can
// name (unix, tcp+TLS, ssh) with the built binary.
package context

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
