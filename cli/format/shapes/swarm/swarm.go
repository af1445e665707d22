// Package swarm names the swarm objects the way the reference's template
// errors name them ("can't evaluate field X in type swarm.Node"): the
// engine's types under this package's name.
package swarm

import "github.com/dockerclone/docker/cli/engine"

type (
	// Node is what node inspect templates run on.
	Node engine.Node
	// Service is what service inspect templates run on.
	Service engine.Service
	// Secret is what secret inspect templates run on first.
	Secret engine.Secret
	// Config is what config inspect templates run on first.
	Config engine.SwarmConfig
)
