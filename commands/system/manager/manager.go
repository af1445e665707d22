// Package manager names a CLI plugin the way the reference's template
// errors name it in `docker info --format` ("can't evaluate field X in
// type manager.Plugin").
package manager

import "github.com/dockerclone/docker/cli/cliplugins"

// Plugin is what info templates see of a CLI plugin.
type Plugin cliplugins.Plugin

// Plugins converts a list of plugins.
func Plugins(list []cliplugins.Plugin) []Plugin {
	out := make([]Plugin, len(list))
	for i, p := range list {
		out[i] = Plugin(p)
	}
	return out
}
