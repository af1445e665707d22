package completion

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// fallbackLogDrivers are offered when the engine cannot list its own.
var fallbackLogDrivers = []string{
	"awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "none", "splunk", "syslog",
}

// LogDrivers lists the engine's logging drivers (GET /info, Plugins.Log),
// or a fixed list when the engine cannot say.
func LogDrivers(c *cli.CLI) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if drivers := engineLogDrivers(c); len(drivers) > 0 {
			return drivers, noFile
		}
		return fallbackLogDrivers, noFile
	}
}

func engineLogDrivers(c *cli.CLI) []string {
	ctx, cancel := engineContext()
	defer cancel()
	client, err := c.Client(ctx)
	if err != nil {
		return nil
	}
	info, err := client.Info(ctx)
	if err != nil {
		return nil
	}
	var plugins struct{ Log []string }
	if json.Unmarshal(info["Plugins"], &plugins) != nil {
		return nil
	}
	return plugins.Log
}

// commonLogOpts apply to every driver.
var commonLogOpts = []string{"max-buffer-size=", "mode="}

// driverLogOpts are each driver's own options, in the reference's order.
var driverLogOpts = map[string][]string{
	"awslogs": {"awslogs-create-group=", "awslogs-credentials-endpoint=", "awslogs-datetime-format=", "awslogs-group=",
		"awslogs-multiline-pattern=", "awslogs-region=", "awslogs-stream=", "tag="},
	"fluentd": {"env=", "env-regex=", "labels=", "fluentd-address=", "fluentd-async=", "fluentd-buffer-limit=",
		"fluentd-request-ack=", "fluentd-retry-wait=", "fluentd-max-retries=", "fluentd-sub-second-precision=",
		"fluentd-write-timeout=", "tag="},
	"gcplogs": {"env=", "env-regex=", "labels=", "gcp-log-cmd=", "gcp-meta-id=", "gcp-meta-name=", "gcp-meta-zone=", "gcp-project="},
	"gelf": {"env=", "env-regex=", "labels=", "gelf-address=", "gelf-compression-level=", "gelf-compression-type=",
		"gelf-tcp-max-reconnect=", "gelf-tcp-reconnect-delay=", "tag="},
	"journald":  {"env=", "env-regex=", "labels=", "tag="},
	"json-file": {"env=", "env-regex=", "labels=", "compress=", "max-file=", "max-size="},
	"local":     {"compress=", "max-file=", "max-size="},
	"splunk": {"env=", "env-regex=", "labels=", "splunk-caname=", "splunk-capath=", "splunk-format=", "splunk-gzip=",
		"splunk-gzip-level=", "splunk-index=", "splunk-insecureskipverify=", "splunk-source=", "splunk-sourcetype=",
		"splunk-token=", "splunk-url=", "splunk-verify-connection=", "tag="},
	"syslog": {"env=", "env-regex=", "labels=", "syslog-address=", "syslog-facility=", "syslog-format=",
		"syslog-tls-ca-cert=", "syslog-tls-cert=", "syslog-tls-key=", "syslog-tls-skip-verify=", "tag="},
}

// LogOpts completes --log-opt for the --log-driver given: its options (the
// shell adds no space after "key="), none for "none", and every known
// option when the driver is not given or not known.
func LogOpts(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	driver, _ := cmd.Flags().GetString("log-driver")
	if driver == "none" {
		return nil, noFile | cobra.ShellCompDirectiveNoSpace
	}
	if opts, ok := driverLogOpts[driver]; ok {
		return slices.Concat(commonLogOpts, opts), noFile | cobra.ShellCompDirectiveNoSpace
	}
	out := slices.Clone(commonLogOpts)
	for _, d := range slices.Sorted(maps.Keys(driverLogOpts)) {
		for _, o := range driverLogOpts[d] {
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace
}
