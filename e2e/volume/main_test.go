//go:build e2e

package volume

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }
