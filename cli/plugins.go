package cli

import "github.com/dockerclone/docker/cli/cliplugins"

// PluginDirs are the directories searched for CLI plugins, first match
// winning (config.json's cliPluginsExtraDirs, then the config directory's).
func (c *CLI) PluginDirs() []string {
	var extra []string
	if cfg := c.Config(); cfg != nil {
		extra = cfg.CLIPluginsExtraDirs
	}
	return cliplugins.Dirs(c.ConfigDir(), extra)
}
