package completion

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// eventFilterKeys are the keys docker events --filter completes first.
var eventFilterKeys = []string{"container=", "daemon=", "event=", "image=", "label=", "network=", "node=", "scope=", "type=", "volume="}

// eventNames are the actions an event can have, in the reference's order.
var eventNames = []string{
	"create", "start", "restart", "stop", "checkpoint", "pause", "unpause", "attach", "detach", "resize", "update",
	"rename", "kill", "die", "oom", "destroy", "remove", "commit", "top", "copy", "archive-path", "extract-to-dir",
	"export", "import", "save", "load", "tag", "untag", "push", "pull", "prune", "delete", "enable", "disable",
	"connect", "disconnect", "reload", "mount", "unmount", "exec_create", "exec_start", "exec_die", "exec_detach",
	"health_status",
}

// eventFilters completes docker events --filter as the reference does: the
// keys (the shell adds no space after "key="), then a key's values as
// "key=value". An engine that cannot answer leaves a key without values.
func eventFilters(c *cli.CLI) Func {
	containers, images, networks, volumes := ContainerNames(c, true, nil), ImageNames(c), NetworkNames(c), VolumeNames(c)
	nodes := listed(c, each((*engine.Client).NodeList, func(n engine.Node) string { return n.Description.Hostname }))
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		key, _, hasValue := strings.Cut(toComplete, "=")
		if !hasValue {
			return eventFilterKeys, cobra.ShellCompDirectiveNoSpace
		}
		var values []string
		switch key {
		case "container":
			values, _ = containers(cmd, args, "")
		case "daemon":
			values = daemonNames(c)
		case "event":
			values = eventNames
		case "image":
			values, _ = images(cmd, args, "")
		case "label":
		case "network":
			values, _ = networks(cmd, args, "")
		case "node":
			values, _ = nodes(cmd, args, "")
		case "scope":
			values = []string{"local", "swarm"}
		case "type":
			values = []string{"builder", "config", "container", "daemon", "image", "network", "node", "plugin", "secret", "service", "volume"}
		case "volume":
			values, _ = volumes(cmd, args, "")
		default:
			return eventFilterKeys, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
		}
		out := make([]cobra.Completion, 0, len(values))
		for _, v := range values {
			out = append(out, key+"="+v)
		}
		return out, noFile
	}
}

// daemonNames are the engine's name and ID (GET /info).
func daemonNames(c *cli.CLI) []string {
	names, _ := listed(c, func(ctx context.Context, client *engine.Client) ([]string, error) {
		info, err := client.Info(ctx)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, k := range []string{"Name", "ID"} {
			var s string
			if json.Unmarshal(info[k], &s) == nil {
				out = append(out, s)
			}
		}
		return out, nil
	})(nil, nil, "")
	return names
}
