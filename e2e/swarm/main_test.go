//go:build e2e

// Package swarm runs bin/docker against the private swarm of
// scripts/swarm.sh (never the main e2e engine, which stays out of any
// swarm). With E2E_SWARM_NODES=3 (make swarm3) the multi-node tests run too.
package swarm

import (
	"fmt"
	"os"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) {
	host := os.Getenv("E2E_SWARM_HOST")
	if host == "" {
		fmt.Fprintln(os.Stderr, "e2e: E2E_SWARM_HOST is not set; run: make engine (scripts/swarm.sh)")
		os.Exit(2)
	}
	// Every run and engine call of this package goes to the swarm's first
	// manager.
	os.Setenv("DOCKER_HOST", host)
	e2etest.Main(m)
}
