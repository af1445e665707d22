package commands

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestAPIGatesMatchTheReference lists what every command of the tree needs
// of the daemon, its own gates or a parent's, and its flags': API versions,
// experimental features, a Windows daemon. The list is the reference
// 28.2.2's, read from its help against a Linux Engine 20.10 without
// experimental features, pinned to each API version in turn (a gated
// command's help is a refusal naming the version; a flag too new is left
// out), and from what it hides there that it shows with no daemon.
func TestAPIGatesMatchTheReference(t *testing.T) {
	want := map[string]string{
		"docker build":   "--network 1.25, --platform 1.38, --squash experimental",
		"docker builder": "1.31",
		// --network 1.25 cannot show under builder's own 1.31: the command is docker build's.
		"docker builder build":     "1.31, --network 1.25, --platform 1.38, --squash experimental",
		"docker builder prune":     "1.39",
		"docker checkpoint":        "1.25, experimental",
		"docker checkpoint create": "1.25, experimental",
		"docker checkpoint ls":     "1.25, experimental",
		"docker checkpoint rm":     "1.25, experimental",
		"docker config":            "1.30",
		"docker config create":     "1.30, --template-driver 1.37",
		"docker config inspect":    "1.30",
		"docker config ls":         "1.30",
		"docker config rm":         "1.30",
		"docker container create":  "--annotation 1.43, --cgroupns 1.41, --cpu-count windows, --cpu-percent windows, --cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.25, --gpus 1.40, --health-start-interval 1.44, --health-start-period 1.29, --init 1.25, --io-maxbandwidth windows, --io-maxiops windows, --platform 1.32, --stop-timeout 1.25",
		"docker container exec":    "--env 1.25, --env-file 1.25, --workdir 1.35",
		"docker container logs":    "--until 1.35",
		"docker container prune":   "1.25",
		"docker container run":     "--annotation 1.43, --cgroupns 1.41, --cpu-count windows, --cpu-percent windows, --cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.25, --gpus 1.40, --health-start-interval 1.44, --health-start-period 1.29, --init 1.25, --io-maxbandwidth windows, --io-maxiops windows, --platform 1.32, --stop-timeout 1.25",
		"docker container start":   "--checkpoint experimental, --checkpoint-dir experimental",
		"docker container update":  "--cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.29, --pids-limit 1.40",
		"docker create":            "--annotation 1.43, --cgroupns 1.41, --cpu-count windows, --cpu-percent windows, --cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.25, --gpus 1.40, --health-start-interval 1.44, --health-start-period 1.29, --init 1.25, --io-maxbandwidth windows, --io-maxiops windows, --platform 1.32, --stop-timeout 1.25",
		"docker exec":              "--env 1.25, --env-file 1.25, --workdir 1.35",
		"docker history":           "--platform 1.48",
		"docker image build":       "--network 1.25, --platform 1.38, --squash experimental",
		"docker image history":     "--platform 1.48",
		"docker image import":      "--platform 1.32",
		"docker image inspect":     "--platform 1.49",
		"docker image load":        "--platform 1.48",
		"docker image ls":          "--tree 1.47",
		"docker image prune":       "1.25",
		"docker image pull":        "--platform 1.32",
		"docker image push":        "--platform 1.46",
		"docker image rm":          "--platform 1.50",
		"docker image save":        "--platform 1.48",
		"docker images":            "--tree 1.47",
		"docker import":            "--platform 1.32",
		"docker load":              "--platform 1.48",
		"docker logs":              "--until 1.35",
		"docker network create":    "--attachable 1.25, --config-from 1.30, --config-only 1.30, --ingress 1.29, --scope 1.30",
		"docker network prune":     "1.25",
		"docker plugin":            "1.25",
		"docker plugin create":     "1.25",
		"docker plugin disable":    "1.25",
		"docker plugin enable":     "1.25",
		"docker plugin inspect":    "1.25",
		"docker plugin install":    "1.25",
		"docker plugin ls":         "1.25",
		"docker plugin push":       "1.25",
		"docker plugin rm":         "1.25",
		"docker plugin set":        "1.25",
		"docker plugin upgrade":    "1.25",
		"docker pull":              "--platform 1.32",
		"docker push":              "--platform 1.46",
		"docker rmi":               "--platform 1.50",
		"docker run":               "--annotation 1.43, --cgroupns 1.41, --cpu-count windows, --cpu-percent windows, --cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.25, --gpus 1.40, --health-start-interval 1.44, --health-start-period 1.29, --init 1.25, --io-maxbandwidth windows, --io-maxiops windows, --platform 1.32, --stop-timeout 1.25",
		"docker save":              "--platform 1.48",
		"docker secret":            "1.25",
		"docker secret create":     "1.25, --driver 1.31, --template-driver 1.37",
		"docker secret inspect":    "1.25",
		"docker secret ls":         "1.25",
		"docker secret rm":         "1.25",
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
		"docker service logs":   "1.29, --details 1.30, --raw 1.30",
		"docker start":          "--checkpoint experimental, --checkpoint-dir experimental",
		"docker swarm ca":       "1.30",
		"docker swarm init":     "--data-path-addr 1.31, --data-path-port 1.40, --default-addr-pool 1.39, --default-addr-pool-mask-length 1.39, --max-snapshots 1.25, --snapshot-interval 1.25",
		"docker swarm join":     "--data-path-addr 1.31",
		"docker swarm update":   "--max-snapshots 1.25, --snapshot-interval 1.25",
		"docker system df":      "1.25",
		"docker system prune":   "1.25, --filter 1.28",
		"docker update":         "--cpu-rt-period 1.25, --cpu-rt-runtime 1.25, --cpus 1.29, --pids-limit 1.40",
		"docker volume create":  "--availability 1.42, --group 1.42, --limit-bytes 1.42, --required-bytes 1.42, --scope 1.42, --secret 1.42, --sharing 1.42, --topology-preferred 1.42, --topology-required 1.42, --type 1.42",
		"docker volume ls":      "--cluster 1.42",
		"docker volume prune":   "1.25, --all 1.42",
		"docker volume rm":      "--force 1.25",
		"docker volume update":  "1.42",
	}
	got := map[string]string{}
	visit(testTree(), func(cmd *cobra.Command) {
		var gates []string
		for p := cmd; p != nil; p = p.Parent() {
			if v, ok := p.Annotations["version"]; ok {
				gates = append(gates, v)
				break
			}
		}
		for p := cmd; p != nil; p = p.Parent() {
			if _, ok := p.Annotations["experimental"]; ok {
				gates = append(gates, "experimental")
				break
			}
		}
		var flags []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			for _, k := range []string{"version", "ostype", "experimental"} {
				if v, ok := f.Annotations[k]; ok {
					if k == "experimental" {
						v = []string{k}
					}
					flags = append(flags, "--"+f.Name+" "+v[0])
				}
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
		// A group's gate refuses its subcommands, named, before their arguments.
		{args: []string{"volume", "update", "a", "b"}, code: 1,
			err: "docker volume update requires API version 1.42, but the Docker daemon API version is 1.24\n"},
		{args: []string{"plugin", "ls", "extra"}, code: 1,
			err: "docker plugin ls requires API version 1.25, but the Docker daemon API version is 1.24\n"},
		{args: []string{"secret", "ls"}, code: 1,
			err: "docker secret ls requires API version 1.25, but the Docker daemon API version is 1.24\n"},
		{args: []string{"config", "create", "--bogus"}, code: 1,
			err: "docker config create requires API version 1.30, but the Docker daemon API version is 1.24\n"},
		{args: []string{"service", "logs", "s"}, code: 1,
			err: "docker service logs requires API version 1.29, but the Docker daemon API version is 1.24\n"},
		{args: []string{"checkpoint"}, code: 1,
			err: "docker checkpoint requires API version 1.25, but the Docker daemon API version is 1.24\n"},
		{args: []string{"help", "builder", "prune"}, out: "docker builder prune requires API version 1.39, but the Docker daemon API version is 1.24\n"},
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
// decides a run, asked once; the help never asks.
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
		t.Errorf("help: %q %d, want the help and 0", out, code)
	}
	if n := requests.Contacts() - before; n != 0 {
		t.Errorf("help made %d requests, want none", n)
	}
}

// TestHelpNeverDials: help leaves out the subcommands and flags that an
// API version pinned by DOCKER_API_VERSION lacks, and refuses a command it
// lacks; without one it shows everything, as the reference does with no
// daemon (the help goldens). It never asks the daemon (a project rule:
// the reference does, to hide more).
func TestHelpNeverDials(t *testing.T) {
	requests := fakeEngine(t) // Engine 20.10: API 1.41, Linux, no experimental features
	tests := []struct {
		env, args     string
		shown, hidden []string
		exact         string
	}{
		{env: "1.24", args: "system --help", hidden: []string{"\n  prune ", "\n  df "}},
		{env: "1.24", args: "pull --help", hidden: []string{"--platform"}},
		{args: "system --help", shown: []string{"\n  prune ", "\n  df "}},
		{args: "pull --help", shown: []string{"--platform"}},
		{args: "run --help", shown: []string{"--gpus", "--cgroupns", "--annotation", "--health-start-interval", "--cpu-count"}},
		{env: "1.41", args: "run --help", shown: []string{"--gpus", "--cgroupns", "--cpu-count"}, hidden: []string{"--annotation", "--health-start-interval"}},
		{args: "start --help", shown: []string{"--checkpoint"}},
		{args: "build --help", shown: []string{"--platform", "--squash"}},
		{args: "--help", shown: []string{"\n  plugin ", "\n  builder ", "\n  checkpoint "}},
		{env: "1.41", args: "volume --help", hidden: []string{"\n  update "}},
		{env: "1.41", args: "volume create --help", hidden: []string{"--scope", "--sharing"}},
		{env: "1.42", args: "volume create --help", shown: []string{"--scope", "--sharing"}},
		{env: "1.41", args: "volume update --help", exact: "docker volume update requires API version 1.42, but the Docker daemon API version is 1.41\n"},
		{args: "volume update --help", shown: []string{"Usage:  docker volume update"}},
		{args: "help checkpoint ls", shown: []string{"Usage:  docker checkpoint ls"}},
		{args: "run --cpu-count 1 --help", shown: []string{"--cpu-count"}},
		{args: "ps --help", shown: []string{"--filter"}},
		{args: "events --help", shown: []string{"--since"}},
	}
	for _, tt := range tests {
		t.Run(tt.env+" "+tt.args, func(t *testing.T) {
			t.Setenv("DOCKER_API_VERSION", tt.env)
			before := requests.Contacts()
			out, stderr, code := run(strings.Fields(tt.args)...)
			if code != 0 || stderr != "" && !strings.HasPrefix(stderr, "DEPRECATED: The legacy builder") {
				t.Fatalf("code %d, stderr %q", code, stderr)
			}
			for _, s := range tt.shown {
				if !strings.Contains(out, s) {
					t.Errorf("%q not shown:\n%s", s, out)
				}
			}
			for _, s := range tt.hidden {
				if strings.Contains(out, s) {
					t.Errorf("%q shown:\n%s", s, out)
				}
			}
			if tt.exact != "" && out != tt.exact {
				t.Errorf("got %q, want %q", out, tt.exact)
			}
			if n := requests.Contacts() - before; n != 0 {
				t.Errorf("%d requests, want none", n)
			}
		})
	}
	if got := requests.Requests(); len(got) != 0 {
		t.Errorf("requests besides /_ping: %v", got)
	}
}

// TestExperimentalGroupRefused: an experimental command group run alone on
// a daemon without experimental features is refused, not shown.
func TestExperimentalGroupRefused(t *testing.T) {
	fakeEngine(t)
	for _, args := range [][]string{{"checkpoint"}, {"checkpoint", "foo"}, {"checkpoint", "ls", "--bogus"}, {"start", "--checkpoint", "c"}} {
		_, stderr, code := run(args...)
		what := "docker " + strings.Join(args[:min(2, len(args))], " ")
		switch args[0] {
		case "start":
			what = `"--checkpoint"`
		default:
			if len(args) > 1 && args[1] == "foo" {
				what = "docker checkpoint"
			}
		}
		want := what + " is only supported on a Docker daemon with experimental features enabled\n"
		if stderr != want || code != 1 {
			t.Errorf("%v: got %q %d, want %q 1", args, stderr, code, want)
		}
	}
}
