// Package cliplugins finds, describes and runs CLI plugins: executables named
// docker-<name> in the cli-plugins directories that add commands to the
// command line (docker compose, docker buildx). Nothing here runs at start-up:
// a directory is looked at only when a command is not built in, or when help,
// completion or info lists the plugins.
package cliplugins

import (
	"fmt"
	"path/filepath"
)

// MetadataCommand is the argument a plugin answers with its Metadata.
const MetadataCommand = "docker-cli-plugin-metadata"

const (
	prefix        = "docker-"
	schemaVersion = "0.1.0"
	namePattern   = "^[a-z][a-z0-9]*$"
)

// Metadata is what a plugin prints for MetadataCommand.
type Metadata struct {
	SchemaVersion    string `json:",omitempty"`
	Vendor           string `json:",omitempty"`
	Version          string `json:",omitempty"`
	ShortDescription string `json:",omitempty"`
	URL              string `json:",omitempty"`
}

// Plugin is a candidate found in a plugin directory. Err is why it is not
// usable ("" for a valid plugin); its JSON is the reference's (docker info).
type Plugin struct {
	Metadata
	Name string
	Path string
	Err  string `json:",omitempty"`
}

// Valid reports whether the plugin may be run.
func (p Plugin) Valid() bool { return p.Err == "" }

// systemDirs are searched after the user's directories, in this order.
var systemDirs = []string{
	"/usr/local/lib/docker/cli-plugins",
	"/usr/local/libexec/docker/cli-plugins",
	"/usr/lib/docker/cli-plugins",
	"/usr/libexec/docker/cli-plugins",
}

// Dirs lists the directories searched, first match winning: config.json's
// cliPluginsExtraDirs, <config dir>/cli-plugins, then the system's.
func Dirs(configDir string, extra []string) []string {
	dirs := make([]string, 0, len(extra)+1+len(systemDirs))
	dirs = append(dirs, extra...)
	dirs = append(dirs, filepath.Join(configDir, "cli-plugins"))
	return append(dirs, systemDirs...)
}

// builtins are the reference's root commands (hidden ones included): a
// plugin cannot take their names, whether or not this client has them yet.
var builtins = map[string]bool{
	"attach": true, "build": true, "builder": true, "checkpoint": true, "commit": true,
	"completion": true, "config": true, "container": true, "context": true, "cp": true,
	"create": true, "diff": true, "events": true, "exec": true, "export": true, "help": true,
	"history": true, "image": true, "images": true, "import": true, "info": true,
	"inspect": true, "kill": true, "load": true, "login": true, "logout": true, "logs": true,
	"manifest": true, "network": true, "node": true, "pause": true, "plugin": true,
	"port": true, "ps": true, "pull": true, "push": true, "rename": true, "restart": true,
	"rm": true, "rmi": true, "run": true, "save": true, "search": true, "secret": true,
	"service": true, "stack": true, "start": true, "stats": true, "stop": true, "swarm": true,
	"system": true, "tag": true, "top": true, "trust": true, "unpause": true, "update": true,
	"version": true, "volume": true, "wait": true,
}

// IsBuiltin reports whether name is one of the reference's root commands.
func IsBuiltin(name string) bool { return builtins[name] }

// validName reports whether name matches namePattern (written out: no
// regexp to compile on the way to running a plugin).
func validName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for i := 1; i < len(name); i++ {
		if c := name[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// nameError is why a candidate's name alone disqualifies it ("" if it does not).
func nameError(name string) string {
	if !validName(name) {
		return fmt.Sprintf("plugin candidate %q did not match %q", name, namePattern)
	}
	if builtins[name] {
		return fmt.Sprintf("plugin %q duplicates builtin command", name)
	}
	return ""
}
