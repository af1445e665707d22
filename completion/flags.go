package completion

import (
	"github.com/dockerclone/docker/cli"
)

// flagRule completes flag name on the commands listed (canonical paths).
type flagRule struct {
	commands []string
	fn       Func
}

type flagTable map[string][]flagRule

// forCommand returns flag name -> completion for the command at path.
func (t flagTable) forCommand(path string) map[string]Func {
	out := map[string]Func{}
	for name, rules := range t {
		for _, r := range rules {
			for _, p := range r.commands {
				if p == path {
					out[name] = r.fn
				}
			}
		}
	}
	return out
}

var (
	runLike    = []string{"container run", "container create"}
	serviceSet = []string{"service create", "service update"}
	signalCmds = []string{"container kill", "container stop", "container restart"}
)

// flagCompletions lists the flag values the reference completes.
func flagCompletions(c *cli.CLI) flagTable {
	allCtrs := ContainerNames(c, true, nil)
	signals := Values(signalNames...)
	return flagTable{
		"signal":                  {{signalCmds, signals}},
		"stop-signal":             {{runLike, signals}},
		"pull":                    {{runLike, Values("always", "missing", "never")}},
		"network":                 {{runLike, NetworkNames(c)}, {serviceSet, NetworkNames(c)}},
		"network-add":             {{serviceSet, NetworkNames(c)}},
		"env-add":                 {{serviceSet, EnvNames}},
		"image":                   {{serviceSet, ImageNames(c)}},
		"mode":                    {{serviceSet, Values("replicated", "global", "replicated-job", "global-job")}},
		"restart-condition":       {{serviceSet, Values("none", "on-failure", "any")}},
		"update-order":            {{serviceSet, Values("start-first", "stop-first")}},
		"rollback-order":          {{serviceSet, Values("start-first", "stop-first")}},
		"update-failure-action":   {{serviceSet, Values("pause", "continue", "rollback")}},
		"rollback-failure-action": {{serviceSet, Values("pause", "continue")}},
		"filter":                  {{[]string{"system events"}, eventFilters(c)}},
		"restart":                 {{append([]string{"container update"}, runLike...), Values("no", "always", "on-failure", "unless-stopped")}},
		"platform":                {{append([]string{"image build", "builder build", "image pull", "image push", "image history", "image rm", "image import", "image inspect", "image load", "image save"}, runLike...), Values(platforms...)}},
		"env":                     {{append([]string{"container exec", "service create"}, runLike...), EnvNames}},
		"attach":                  {{runLike, Values("stderr", "stdin", "stdout")}},
		"cap-add":                 {{runLike, Values(capabilities...)}},
		"cap-drop":                {{runLike, Values(capabilities...)}},
		"cgroupns":                {{runLike, Values("host", "private")}},
		"ipc":                     {{runLike, withPrefix("container:", allCtrs, "container:", "host", "none", "private", "shareable")}},
		"pid":                     {{runLike, withPrefix("container:", allCtrs, "container:", "host")}},
		"userns":                  {{runLike, Values("host")}},
		"uts":                     {{runLike, Values("host")}},
		"log-driver":              {{runLike, LogDrivers(c)}},
		"log-opt":                 {{runLike, LogOpts}},
		"volumes-from":            {{runLike, allCtrs}},
		"link":                    {{runLike, withSuffix(":", allCtrs)}},
		"security-opt":            {{runLike, Values("apparmor=", "label=", "no-new-privileges", "seccomp=", "systempaths=unconfined")}},
		"ulimit":                  {{runLike, valuesNoSpace(ulimits...)}},
		"storage-opt":             {{runLike, valuesNoSpace("size=")}},
		"detach-keys":             {{runLike, valuesNoSpace("ctrl-")}},
		"volume-driver":           {{runLike, Values("local")}},
		"type":                    {{[]string{"inspect"}, Values("config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume")}},
		"format":                  {{[]string{"inspect"}, NoComplete}},
		"availability":            {{[]string{"node update"}, Values("active", "pause", "drain")}},
		"role":                    {{[]string{"node update"}, Values("worker", "manager")}},
	}
}

// openFlags are the run, create, node and service flags left to the shell's
// file completion, by name or as "command --name" for one command; every
// other one of their flags completes nothing.
var openFlags = []string{"env-file", "node inspect --format"}

var platforms = []string{
	"linux/386", "linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7",
	"linux/arm64", "linux/arm64/v8", "linux/ppc64le", "linux/s390x", "linux/riscv64",
	"windows/amd64", "wasip1/wasm",
}

var ulimits = []string{
	"as=", "chroot=", "core=", "cpu=", "data=", "fsize=", "locks=", "maxlogins=", "maxsyslogins=",
	"memlock=", "msgqueue=", "nice=", "nofile=", "nproc=", "priority=", "rss=", "rtprio=",
	"sigpending=", "stack=",
}

// capabilities in the kernel's order, as the reference lists them.
var capabilities = []string{
	"ALL", "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
	"CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
	"CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
	"CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
	"CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
	"CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
	"CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
}

// signalNames are the Linux signal names the engine accepts (without "SIG").
var signalNames = []string{
	"ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL",
	"PIPE", "POLL", "PROF", "PWR", "QUIT",
	"RTMAX", "RTMAX-1", "RTMAX-2", "RTMAX-3", "RTMAX-4", "RTMAX-5", "RTMAX-6", "RTMAX-7", "RTMAX-8",
	"RTMAX-9", "RTMAX-10", "RTMAX-11", "RTMAX-12", "RTMAX-13", "RTMAX-14",
	"RTMIN", "RTMIN+1", "RTMIN+2", "RTMIN+3", "RTMIN+4", "RTMIN+5", "RTMIN+6", "RTMIN+7", "RTMIN+8",
	"RTMIN+9", "RTMIN+10", "RTMIN+11", "RTMIN+12", "RTMIN+13", "RTMIN+14", "RTMIN+15",
	"SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2",
	"VTALRM", "WINCH", "XCPU", "XFSZ",
}
