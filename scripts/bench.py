#!/usr/bin/env python3
"""make bench: our client against the reference on the private engine.

Runs are interleaved (reference, ours, reference, ours...) so that drift of a
shared machine hits both alike; each scenario prints the medians of wall
time, CPU time (user+sys) and max RSS, and the ratio ours/reference. Beside
them the floor: a bare Go process and one raw HTTP call (curl), which no CLI
can beat. The load average is printed first and last.

Wall and CPU time are measured on the client's own process (no wrapper in
the measurement: a shell or GNU time around it would add the same constant
to both sides). Max RSS comes from a second run under GNU time
(/usr/bin/time -f %M), whose own fork is ~1 MB: the rusage of a child of
this script would start at this Python's resident size (Linux folds the
pre-exec memory into the child's peak).

usage: bench.py OURS [SCENARIO_REGEX]   env: BENCH_N (runs per side, default 11),
       BENCH_REFERENCE (default: docker on PATH), DOCKER_HOST and the E2E_*
       variables of .engine.env (make bench sources it).
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

OURS = os.path.abspath(sys.argv[1])
ONLY = re.compile(sys.argv[2] if len(sys.argv) > 2 else ".")
REF = os.environ.get("BENCH_REFERENCE") or shutil.which("docker")
N = int(os.environ.get("BENCH_N", "11"))
IMG = os.environ.get("E2E_IMAGE", "busybox:latest")
TIME = "/usr/bin/time"
tmp = tempfile.mkdtemp(prefix="bench-")
env = dict(os.environ, DOCKER_CONFIG=os.path.join(tmp, "config"))
os.makedirs(env["DOCKER_CONFIG"])


def once(argv, stdin=None, env=env):
    """One run, timed directly (no wrapper process in the measurement):
    (wall s, cpu s of the child itself)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL if stdin is None else open(stdin, "rb"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime


def peak_rss(argv, stdin=None, env=env):
    """One run under GNU time: its max RSS in KiB."""
    rss_file = os.path.join(tmp, "rss")
    subprocess.run([TIME, "-q", "-f", "%M", "-o", rss_file] + argv, env=env,
                   stdin=subprocess.DEVNULL if stdin is None else open(stdin, "rb"),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(rss_file) as f:
        return int(f.read().split()[-1])


def measured(argv, **kw):
    """(wall, cpu, rss): timed directly, the peak memory from another run."""
    return once(argv, **kw) + (peak_rss(argv, **kw),)


def api(method, path, body=None):
    """One raw call to the engine on its unix socket."""
    import http.client, socket
    conn = http.client.HTTPConnection("d")
    conn.sock = socket.socket(socket.AF_UNIX)
    conn.sock.connect(env.get("DOCKER_HOST", "").removeprefix("unix://"))
    conn.request(method, "/v1.41" + path, body, {"Content-Type": "application/json"})
    conn.getresponse().read()
    conn.close()


def sh(cmd):
    subprocess.run(cmd, shell=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def row(name, ref, ours, note=""):
    def med(runs, i):
        return statistics.median(r[i] for r in runs)
    out = [f"{name:<24}"]
    for i, unit, fmt in ((0, "wall", "%.4fs"), (1, "cpu", "%.4fs"), (2, "rss", "%dK")):
        r, o = med(ref, i), med(ours, i)
        ratio = o / r if r else 0
        out.append(f"{unit} {fmt % r:>9} {fmt % o:>9} x{ratio:<5.2f}")
    print("  ".join(out) + (f"  {note}" if note else ""), flush=True)


def scenario(name, args, n=N, stdin=None, prepare=None, floor=None):
    """args: the client's arguments; both clients run them alternately."""
    if not ONLY.search(name):
        return
    ref, ours, low = [], [], []
    for _ in range(n):
        for client, runs in ((REF, ref), (OURS, ours)):
            if prepare:
                prepare()
            timed = once([client] + args, stdin=stdin)
            if prepare:
                prepare()
            runs.append(timed + (peak_rss([client] + args, stdin=stdin),))
        if floor:
            low.append(measured(floor))
    row(name, ref, ours, floor_note(ref, low))


def floor_note(ref, low):
    """The floor's medians, and its wall time as a ratio of the reference's:
    no client can go below it."""
    if not low:
        return ""
    wall, rss = statistics.median(r[0] for r in low), statistics.median(r[2] for r in low)
    return "floor %.4fs %dK (wall x%.2f)" % (wall, rss, wall / statistics.median(r[0] for r in ref))


RAWCALL = """package main

import (
	"io"
	"net"
	"os"
	"strconv"
)

// usage: rawcall SOCKET PATH [BODYFILE]: a GET, or a POST of the file
// (sent with sendfile(2) by io.Copy).
func main() {
	c, err := net.Dial("unix", os.Args[1])
	if err != nil {
		panic(err)
	}
	if len(os.Args) < 4 {
		io.WriteString(c, "GET "+os.Args[2]+" HTTP/1.0\\r\\nHost: d\\r\\n\\r\\n")
	} else {
		f, err := os.Open(os.Args[3])
		if err != nil {
			panic(err)
		}
		fi, _ := f.Stat()
		io.WriteString(c, "POST "+os.Args[2]+" HTTP/1.0\\r\\nHost: d\\r\\nContent-Type: application/x-tar\\r\\n"+
			"Content-Length: "+strconv.FormatInt(fi.Size(), 10)+"\\r\\n\\r\\n")
		io.Copy(c, f)
	}
	io.Copy(io.Discard, c)
}
"""


def gobuild(name, src):
    path = os.path.join(tmp, name)
    with open(path + ".go", "w") as f:
        f.write(src)
    subprocess.run(["go", "build", "-o", path, path + ".go"], check=True, env=dict(os.environ, GOFLAGS=""))
    return path


def main():
    if not REF or not os.path.exists(TIME):
        sys.exit("bench: needs the reference docker on PATH and GNU time (apt-get install time)")
    gobare = gobuild("gobare", "package main\nfunc main() {}\n")
    # The floor of a command that asks the engine once: a Go process that
    # sends one request on the socket and reads the answer, nothing else.
    rawcall = gobuild("rawcall", RAWCALL)
    sock = env.get("DOCKER_HOST", "").removeprefix("unix://")
    curl = [rawcall, sock, "/v1.41/containers/json"]
    print("load average:", open("/proc/loadavg").read().split()[:3])
    print("reference:", subprocess.run([REF, "--version"], capture_output=True, text=True).stdout.strip())
    print(f"columns: reference ours ratio, medians of {N}; floor = a bare Go process, or one raw HTTP call")

    scenario("startup-version", ["--version"], floor=[gobare])
    scenario("version", ["version"], floor=curl)
    scenario("ps-empty", ["ps", "--filter", "name=bx-none"], floor=curl)
    scenario("inspect", ["image", "inspect", IMG])
    plugins = os.environ.get("E2E_PLUGIN_COMPOSE")
    if plugins and ONLY.search("plugins"):
        pdir = os.path.join(env["DOCKER_CONFIG"], "cli-plugins")
        os.makedirs(pdir, exist_ok=True)
        for p in (plugins, os.environ.get("E2E_PLUGIN_BUILDX", "")):
            if p:
                os.symlink(p, os.path.join(pdir, os.path.basename(p)))
        scenario("plugins-startup-version", ["--version"])
        scenario("plugins-ps-empty", ["ps", "--filter", "name=bx-none"])
        scenario("plugins-version", ["version"])
        scenario("compose-version", ["compose", "version"])
        shutil.rmtree(pdir)

    if ONLY.search("images-50"):
        for i in range(50):
            sh(f"{REF} tag {IMG} bx-img{i}:latest")
        scenario("images-50", ["images"])
        sh(f"{REF} rmi " + " ".join(f"bx-img{i}:latest" for i in range(50)))

    if ONLY.search("ps-300") or ONLY.search("complete"):
        for i in range(300):
            sh(f"{REF} create --name bx-c{i} {IMG} true")
        listall = [rawcall, sock, "/v1.41/containers/json?all=1"]
        scenario("ps-300", ["ps", "-a"], floor=listall)
        scenario("ps-300-format", ["ps", "-a", "--format", "{{.Names}} {{.Status}}"], floor=listall)
        scenario("complete-300", ["__complete", "rm", ""], floor=listall)
        sh(f"{REF} rm -f $({REF} ps -aq --filter name=bx-c)")

    if ONLY.search("logs"):
        sh(f"{REF} rm -f bx-logs; {REF} run --name bx-logs {IMG} sh -c "
           "'yes 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ | head -c 50000000'")
        scenario("logs-50MB", ["logs", "bx-logs"], n=5)
        scenario("logs-50MB-ts", ["logs", "-t", "bx-logs"], n=5)
        sh(f"{REF} rm -f bx-logs")

    if ONLY.search("build-context"):
        ctx = os.path.join(tmp, "ctx")
        os.makedirs(os.path.join(ctx, "big"))
        os.makedirs(os.path.join(ctx, "skip"))
        for i in range(50):  # 500 MB sent, 100 MB ignored
            with open(os.path.join(ctx, "big", f"f{i}"), "wb") as f:
                f.write(os.urandom(1 << 20) * 10)
        for i in range(10):
            with open(os.path.join(ctx, "skip", f"f{i}"), "wb") as f:
                f.write(os.urandom(1 << 20) * 10)
        with open(os.path.join(ctx, ".dockerignore"), "w") as f:
            f.write("skip\n")
        with open(os.path.join(ctx, "Dockerfile"), "w") as f:
            f.write("FROM scratch\nCOPY Dockerfile /\n")
        # The floor: the same 500 MB as a ready tar sent in one raw POST.
        import tarfile
        tarpath = os.path.join(tmp, "ctx.tar")
        with tarfile.open(tarpath, "w") as tf:
            for name in sorted(os.listdir(ctx)):
                if name != "skip":
                    tf.add(os.path.join(ctx, name), arcname=name)
        benv = dict(env, DOCKER_BUILDKIT="0")
        ref, ours, low = [], [], []
        for _ in range(3):
            ref.append(measured([REF, "build", "-q", "-t", "bx-build", ctx], env=benv))
            ours.append(measured([OURS, "build", "-q", "-t", "bx-build", ctx], env=benv))
            low.append(measured([rawcall, sock, "/v1.41/build?q=1&t=bx-build", tarpath]))
        row("build-context-500MB", ref, ours, floor_note(ref, low))
        sh(f"{REF} rmi -f bx-build")

    reg = os.environ.get("E2E_REGISTRY")
    if reg and (ONLY.search("push-20") or ONLY.search("pull-20")):
        repo = f"{reg}/bx/layers20"
        df = os.path.join(tmp, "l20")
        os.makedirs(df, exist_ok=True)
        with open(os.path.join(df, "Dockerfile"), "w") as f:
            f.write(f"FROM {IMG}\n" + "".join(f"RUN head -c 2000000 /dev/urandom > /l{i}\n" for i in range(19)))
        sh(f"DOCKER_BUILDKIT=0 {REF} build -q -t {repo} {df}")
        login = f"{reg} -u {os.environ.get('E2E_REG_USER', '')} -p {os.environ.get('E2E_REG_PASS', '')}"
        sh(f"{REF} login {login}")
        scenario("push-20-layers", ["push", repo], n=5)
        scenario("pull-20-layers", ["pull", repo], n=5, prepare=lambda: sh(f"{REF} rmi -f {repo}"))
        sh(f"{REF} rmi -f {repo}")

    if ONLY.search("events"):
        # Memory over a stream of events: 1000 of them, then 4000 (a volume
        # created and removed is two): a client in constant memory has the
        # same peak for both.
        for count in (1000, 4000):
            ref, ours = [], []
            for client, runs in ((REF, ref), (OURS, ours)):
                since = str(int(time.time()))
                for i in range(count // 2):
                    api("POST", "/volumes/create", '{"Name":"bx-ev%d"}' % i)
                    api("DELETE", "/volumes/bx-ev%d" % i)
                runs.append(measured([client, "events", "--since", since, "--until", str(int(time.time()) + 1)]))
            row(f"events-{count}", ref, ours)

    swarm = os.environ.get("E2E_SWARM_HOST")
    if swarm and (ONLY.search("service-ls-50") or ONLY.search("stack-services-50")):
        senv = dict(env, DOCKER_HOST=swarm)
        compose = os.path.join(tmp, "stack.yml")
        with open(compose, "w") as f:
            f.write("version: '3.8'\nservices:\n" + "".join(
                f"  s{i}:\n    image: {IMG}\n    command: sleep 600\n    deploy: {{replicas: 0}}\n" for i in range(50)))
        subprocess.run([REF, "stack", "deploy", "-c", compose, "bxstack"], env=senv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name, args in (("service-ls-50", ["service", "ls"]), ("stack-services-50", ["stack", "services", "bxstack"])):
            if ONLY.search(name):
                ref, ours = [], []
                for _ in range(N):
                    ref.append(measured([REF] + args, env=senv))
                    ours.append(measured([OURS] + args, env=senv))
                row(name, ref, ours)
        subprocess.run([REF, "stack", "rm", "bxstack"], env=senv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    if ONLY.search("binary"):
        r, o = os.path.getsize(os.path.realpath(REF)), os.path.getsize(OURS)
        print(f"{'binary-size':<24}{r} bytes vs {o} bytes x{o / r:.2f}")
    print("load average:", open("/proc/loadavg").read().split()[:3])
    shutil.rmtree(tmp, ignore_errors=True)


main()
