package commands

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestAPIGatesMatchTheReference lists every command and flag the tree gates
// by API version. The list is what the reference 28.2.2 refuses on this
// surface with DOCKER_API_VERSION set below the version shown (probed
// command by command, flag by flag).
func TestAPIGatesMatchTheReference(t *testing.T) {
	runFlags := "--annotation 1.43, --cgroupns 1.41, --cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.25, --gpus 1.40, " +
		"--health-start-interval 1.44, --health-start-period 1.29, --init 1.25, --platform 1.32, --stop-timeout 1.25"
	want := map[string]string{
		"docker container create": runFlags,
		"docker container exec":   "--env 1.25, --env-file 1.25, --workdir 1.35",
		"docker container logs":   "--until 1.35",
		"docker container prune":  "1.25",
		"docker container run":    runFlags,
		"docker container update": "--cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.29, --pids-limit 1.40",
		"docker create":           runFlags,
		"docker exec":             "--env 1.25, --env-file 1.25, --workdir 1.35",
		"docker history":          "--platform 1.48",
		"docker image history":    "--platform 1.48",
		"docker image import":     "--platform 1.32",
		"docker image inspect":    "--platform 1.49",
		"docker image load":       "--platform 1.48",
		"docker image ls":         "--tree 1.47",
		"docker image prune":      "1.25",
		"docker image pull":       "--platform 1.32",
		"docker image push":       "--platform 1.46",
		"docker image rm":         "--platform 1.50",
		"docker image save":       "--platform 1.48",
		"docker images":           "--tree 1.47",
		"docker import":           "--platform 1.32",
		"docker load":             "--platform 1.48",
		"docker logs":             "--until 1.35",
		"docker network create":   "--attachable 1.25, --config-from 1.30, --config-only 1.30, --ingress 1.29, --scope 1.30",
		"docker network prune":    "1.25",
		"docker pull":             "--platform 1.32",
		"docker push":             "--platform 1.46",
		"docker rmi":              "--platform 1.50",
		"docker run":              runFlags,
		"docker save":             "--platform 1.48",
		"docker service create": "--cap-add 1.41, --cap-drop 1.41, --config 1.30, --credential-spec 1.29, --detach 1.29, " +
			"--dns 1.25, --dns-option 1.25, --dns-search 1.25, --group 1.25, --health-cmd 1.25, " +
			"--health-interval 1.25, --health-retries 1.25, --health-start-interval 1.44, " +
			"--health-start-period 1.29, --health-timeout 1.25, --host 1.25, --hostname 1.25, " +
			"--init 1.37, --isolation 1.35, --limit-pids 1.41, --max-concurrent 1.41, " +
			"--no-healthcheck 1.25, --no-resolve-image 1.30, --oom-score-adj 1.46, " +
			"--placement-pref 1.28, --read-only 1.28, --replicas-max-per-node 1.40, " +
			"--rollback-delay 1.28, --rollback-failure-action 1.28, --rollback-max-failure-ratio 1.28, " +
			"--rollback-monitor 1.28, --rollback-order 1.29, --rollback-parallelism 1.28, --secret 1.25, " +
			"--stop-signal 1.28, --sysctl 1.40, --tty 1.25, --ulimit 1.41, " +
			"--update-max-failure-ratio 1.25, --update-monitor 1.25, --update-order 1.29",
		"docker service rollback": "1.31",
		"docker service scale":    "--detach 1.29",
		"docker service update": "--cap-add 1.41, --cap-drop 1.41, --config-add 1.30, --config-rm 1.30, " +
			"--credential-spec 1.29, --detach 1.29, --dns-add 1.25, --dns-option-add 1.25, " +
			"--dns-option-rm 1.25, --dns-rm 1.25, --dns-search-add 1.25, --dns-search-rm 1.25, " +
			"--force 1.25, --group-add 1.25, --group-rm 1.25, --health-cmd 1.25, --health-interval 1.25, " +
			"--health-retries 1.25, --health-start-interval 1.44, --health-start-period 1.29, " +
			"--health-timeout 1.25, --host-add 1.32, --host-rm 1.25, --hostname 1.25, --init 1.37, " +
			"--isolation 1.35, --limit-pids 1.41, --max-concurrent 1.41, --network-add 1.29, " +
			"--network-rm 1.29, --no-healthcheck 1.25, --no-resolve-image 1.30, --oom-score-adj 1.46, " +
			"--placement-pref-add 1.28, --placement-pref-rm 1.28, --read-only 1.28, " +
			"--replicas-max-per-node 1.40, --rollback 1.25, --rollback-delay 1.28, " +
			"--rollback-failure-action 1.28, --rollback-max-failure-ratio 1.28, --rollback-monitor 1.28, " +
			"--rollback-order 1.29, --rollback-parallelism 1.28, --secret-add 1.25, --secret-rm 1.25, " +
			"--stop-signal 1.28, --sysctl-add 1.40, --sysctl-rm 1.40, --tty 1.25, --ulimit-add 1.41, " +
			"--ulimit-rm 1.41, --update-max-failure-ratio 1.25, --update-monitor 1.25, " +
			"--update-order 1.29",
		"docker stack config":   "1.25",
		"docker stack deploy":   "1.25",
		"docker stack ls":       "1.25",
		"docker stack ps":       "1.25",
		"docker stack rm":       "1.25",
		"docker stack services": "1.25",
		"docker system df":      "1.25",
		"docker system prune":   "1.25, --filter 1.28",
		"docker update":         "--cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.29, --pids-limit 1.40",
		"docker volume create":  "--availability 1.42, --group 1.42, --limit-bytes 1.42, --required-bytes 1.42, --scope 1.42, --secret 1.42, --sharing 1.42, --topology-preferred 1.42, --topology-required 1.42, --type 1.42",
		"docker volume ls":      "--cluster 1.42",
		"docker volume prune":   "1.25, --all 1.42",
		"docker volume rm":      "--force 1.25",
	}
	got := map[string]string{}
	visit(testTree(), func(cmd *cobra.Command) {
		var gates []string
		if v := cmd.Annotations["version"]; v != "" {
			gates = append(gates, v)
		}
		var flags []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if v := f.Annotations["version"]; len(v) > 0 {
				flags = append(flags, "--"+f.Name+" "+v[0])
			}
		})
		slices.Sort(flags)
		if gates = append(gates, flags...); len(gates) > 0 {
			got[cmd.CommandPath()] = strings.Join(gates, ", ")
		}
	})
	for path, w := range want {
		if got[path] != w {
			t.Errorf("%s: gates %q, want %q", path, got[path], w)
		}
	}
	for path, g := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("%s: gates %q, the reference has none", path, g)
		}
	}
}

// TestAPIGateOrder runs the binary's entry point with an old fixed API
// version: the outputs are the reference's, and none of it dials.
func TestAPIGateOrder(t *testing.T) {
	requests := fakeEngine(t)
	const platform = `"--platform" requires API version 1.32, but the Docker daemon API version is 1.24` + "\n"
	const prune = "docker container prune requires API version 1.25, but the Docker daemon API version is 1.24\n"
	tests := []struct {
		args     []string
		out, err string
		code     int
	}{
		{args: []string{"pull", "--platform", "linux/amd64", "busybox"}, err: platform, code: 1},
		{args: []string{"pull", "--platform", "linux/amd64"}, err: platform, code: 1},
		{args: []string{"pull", "--platform", "x", "--bogus", "busybox"}, err: platform, code: 1},
		{args: []string{"pull", "--bogus", "--platform", "x", "busybox"}, code: 125,
			err: "unknown flag: --bogus\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information\n"},
		{args: []string{"pull", "--platform", "x", "--help"}, out: platform},
		{args: []string{"container", "prune", "--help"}, out: prune},
		{args: []string{"help", "container", "prune"}, out: prune},
		{args: []string{"container", "prune", "extra"}, err: prune, code: 1},
		{args: []string{"run", "--init", "--platform", "x", "--cpus", "1", "busybox"}, code: 1,
			err: `"--cpus" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n" +
				`"--init" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n" + platform},
		{args: []string{"run", "--cpus=abc", "--init", "busybox"}, code: 125,
			err: "invalid argument \"abc\" for \"--cpus\" flag: failed to parse abc as a rational number\n\n" +
				"Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n"},
		{args: []string{"exec", "-w", "/", "-e", "A=1", "c", "true"}, code: 1,
			err: `"--env" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n" +
				`"--workdir" requires API version 1.35, but the Docker daemon API version is 1.24` + "\n"},
		{args: []string{"logs", "--until", "1s", "c"}, code: 1,
			err: `"--until" requires API version 1.35, but the Docker daemon API version is 1.24` + "\n"},
		{args: []string{"volume", "rm", "-f"}, code: 1,
			err: `"--force" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n"},
	}
	t.Setenv("DOCKER_API_VERSION", "1.24")
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, stderr, code := run(tt.args...)
			if out != tt.out || stderr != tt.err || code != tt.code {
				t.Errorf("got out %q err %q code %d\nwant out %q err %q code %d", out, stderr, code, tt.out, tt.err, tt.code)
			}
		})
	}
	if n := requests.Contacts(); n != 0 {
		t.Errorf("%d requests to the engine", n)
	}
}

// TestAPIGateNegotiated: without DOCKER_API_VERSION the engine's version
// decides, asked once; help still never dials.
func TestAPIGateNegotiated(t *testing.T) {
	requests := fakeEngine(t) // announces 1.41
	_, stderr, code := run("images", "--tree")
	if want := `"--tree" requires API version 1.47, but the Docker daemon API version is 1.41` + "\n"; stderr != want || code != 1 {
		t.Errorf("got %q %d, want %q 1", stderr, code, want)
	}
	if n := requests.Contacts(); n != 1 {
		t.Errorf("%d requests, want the one /_ping", n)
	}
	before := requests.Contacts()
	if out, _, code := run("push", "--platform", "x", "--help"); !strings.HasPrefix(out, "Usage:  docker push") || code != 0 {
		t.Errorf("help: %q %d", out, code)
	}
	if n := requests.Contacts() - before; n != 0 {
		t.Errorf("help made %d requests", n)
	}
}

// TestHelpHidesWhatAFixedOldAPILacks: with DOCKER_API_VERSION pinned, help
// leaves out the subcommands and flags that version lacks, as the
// reference does; without it nothing is hidden (help never dials).
func TestHelpHidesWhatAFixedOldAPILacks(t *testing.T) {
	requests := fakeEngine(t)
	for _, env := range []string{"", "1.24"} {
		t.Setenv("DOCKER_API_VERSION", env)
		system, _, _ := run("system", "--help")
		pull, _, _ := run("pull", "--help")
		hidden := env != ""
		if strings.Contains(system, "\n  prune ") == hidden || strings.Contains(system, "\n  df ") == hidden {
			t.Errorf("DOCKER_API_VERSION=%q: system help\n%s", env, system)
		}
		if strings.Contains(pull, "--platform") == hidden {
			t.Errorf("DOCKER_API_VERSION=%q: pull help\n%s", env, pull)
		}
	}
	if n := requests.Contacts(); n != 0 {
		t.Errorf("%d requests to the engine", n)
	}
}
