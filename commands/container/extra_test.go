package container

import (
	"archive/tar"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const portsJSON = `{"Id":"abc","NetworkSettings":{"Ports":{
 "80/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}],
 "81/udp":[{"HostIp":"0.0.0.0","HostPort":"9"},{"HostIp":"::","HostPort":"9"}],
 "100/tcp":[{"HostIp":"0.0.0.0","HostPort":"1000"}],
 "443/tcp":null}}}`

func TestPort(t *testing.T) {
	cases := []struct {
		args     []string
		out, err string
	}{
		{[]string{"c"}, "80/tcp -> 127.0.0.1:8080\n81/udp -> 0.0.0.0:9\n81/udp -> [::]:9\n100/tcp -> 0.0.0.0:1000\n", ""},
		{[]string{"c", "80"}, "127.0.0.1:8080\n", ""},
		{[]string{"c", "81/udp"}, "0.0.0.0:9\n[::]:9\n", ""},
		{[]string{"c", "81"}, "", "Error: No public port '81' published for c"},
		{[]string{"c", "443"}, "", "Error: No public port '443' published for c"},
		{[]string{"c", "abc"}, "", `Error: invalid port (abc): strconv.ParseUint: parsing "abc": invalid syntax`},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/c/json": {Body: portsJSON}}}
		r := clitest.Run(t, e, clitest.Options{}, newPortCommand, tc.args...)
		if r.Out != tc.out || r.ErrText() != tc.err {
			t.Errorf("%v: out %q err %q", tc.args, r.Out, r.ErrText())
		}
	}
}

func TestTopAndDiff(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /containers/c/top":     {Body: `{"Titles":["PID","COMMAND"],"Processes":[["1","sleep 300"],["12345678901234567890","sh"]]}`},
		"GET /containers/c/changes": {Body: `[{"Path":"/tmp","Kind":0},{"Path":"/tmp/new","Kind":1},{"Path":"/etc/x","Kind":2}]`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newTopCommand, "c", "-o", "pid,comm")
	want := "PID                    COMMAND\n1                      sleep 300\n12345678901234567890   sh\n"
	if r.RunErr != nil || r.Out != want {
		t.Fatalf("top: %v\n%q", r.RunErr, r.Out)
	}
	if got := e.Lines()[0]; got != "GET /containers/c/top?ps_args=-o+pid%2Ccomm" {
		t.Fatalf("top request %s", got)
	}
	r = clitest.Run(t, e, clitest.Options{}, newDiffCommand, "c")
	if r.Out != "C /tmp\nA /tmp/new\nD /etc/x\n" {
		t.Fatalf("diff %q", r.Out)
	}
}

func TestUpdate(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"POST /containers/a/update":    {Body: `{"Warnings":["careful"]}`},
		"POST /containers/nope/update": {Status: 404, Body: `{"message":"No such container: nope"}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newUpdateCommand, "--cpus", "0.5", "-m", "64m", "--restart", "on-failure:3", "--pids-limit", "100", "a", "nope")
	if r.Out != "a\n" || r.Err != "careful\n" || r.ErrText() != "Error response from daemon: No such container: nope" {
		t.Fatalf("out %q err %q %q", r.Out, r.Err, r.ErrText())
	}
	want := `{"CpuShares":0,"Memory":67108864,"NanoCpus":500000000,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":null,"BlkioDeviceReadBps":null,"BlkioDeviceWriteBps":null,"BlkioDeviceReadIOps":null,"BlkioDeviceWriteIOps":null,"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":null,"DeviceCgroupRules":null,"DeviceRequests":null,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":null,"OomKillDisable":null,"PidsLimit":100,"Ulimits":null,"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3}}`
	if got := e.Requests()[0].Body; got != want {
		t.Fatalf("body\n%s", got)
	}
	r = clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newUpdateCommand, "a")
	if r.ErrText() != "you must provide one or more flags when using this command" {
		t.Fatalf("no flags: %q", r.ErrText())
	}
}

func TestStatsNoStream(t *testing.T) {
	stats := `{"name":"/web","id":"0123456789abcdef0123","pids_stats":{"current":3},
 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":1000},{"op":"Write","value":2000},{"op":"read","value":500}]},
 "cpu_stats":{"cpu_usage":{"total_usage":300},"system_cpu_usage":2000,"online_cpus":2},
 "precpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":1000},
 "memory_stats":{"usage":10485760,"limit":104857600,"stats":{"total_inactive_file":5242880}},
 "networks":{"eth0":{"rx_bytes":1500,"tx_bytes":10},"eth1":{"rx_bytes":500,"tx_bytes":0}}}`
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/web/stats": {Body: stats}}}
	r := clitest.Run(t, e, clitest.Options{}, newStatsCommand, "--no-stream", "web")
	want := "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O     BLOCK I/O     PIDS\n" +
		"0123456789ab   web       40.00%    5MiB / 100MiB       5.00%     2kB / 10B   1.5kB / 2kB   3\n"
	if r.RunErr != nil || r.Out != want {
		t.Fatalf("err %v\n%q\n%q", r.RunErr, r.Out, want)
	}
	if got := e.Lines()[0]; got != "GET /containers/web/stats?stream=0" {
		t.Fatalf("request %s", got)
	}
	r = clitest.Run(t, e, clitest.Options{}, newStatsCommand, "--no-stream", "--no-trunc", "--format", "json", "web")
	if want := `{"BlockIO":"1.5kB / 2kB","CPUPerc":"40.00%","Container":"web","ID":"0123456789abcdef0123","MemPerc":"5.00%","MemUsage":"5MiB / 100MiB","Name":"web","NetIO":"2kB / 10B","PIDs":"3"}` + "\n"; r.Out != want {
		t.Fatalf("json %q", r.Out)
	}
}

// TestStatsEmptyReply: Podman answers a container that never ran with an
// empty body; the reference says just "EOF".
func TestStatsEmptyReply(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/web/stats": {Body: ""}}}
	r := clitest.Run(t, e, clitest.Options{}, newStatsCommand, "--no-stream", "web")
	if r.ErrText() != "EOF" || r.Out != "" {
		t.Fatalf("err %q out %q", r.ErrText(), r.Out)
	}
}

func TestSplitCpArg(t *testing.T) {
	cases := []struct{ in, ctr, path string }{
		{"c1:/etc", "c1", "/etc"},
		{"/abs:x", "", "/abs:x"},
		{"./c1:x", "", "./c1:x"},
		{"-", "", "-"},
		{"local", "", "local"},
		{":/x", "", "/x"},
	}
	for _, tc := range cases {
		got := splitCpArg(tc.in)
		if got.container != tc.ctr || got.path != tc.path {
			t.Errorf("%q: got %+v", tc.in, got)
		}
	}
}

func TestCpLocalErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		dst      string
		srcIsDir bool
		want     string
	}{
		{filepath.Join(dir, "f"), true, "cannot copy directory"},
		{filepath.Join(dir, "nodir") + "/", false, "no such directory"},
	}
	for _, tc := range cases {
		if _, _, err := extractTarget(tc.dst, tc.srcIsDir, "src"); err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v", tc.dst, err)
		}
	}
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newCpCommand, "a", "b")
	if r.ErrText() != "must specify at least one container source" {
		t.Errorf("got %q", r.ErrText())
	}
	r = clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newCpCommand, "c:/a", "c:/b")
	if r.ErrText() != "copying between containers is not supported" {
		t.Errorf("got %q", r.ErrText())
	}
}

// TestCpRoundTrip packs a tree the way cp sends it and extracts it the way
// cp receives it, renamed as cp renames it.
func TestCpRoundTrip(t *testing.T) {
	src := t.TempDir()
	tree := filepath.Join(src, "data")
	if err := os.MkdirAll(filepath.Join(tree, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(tree, "a.txt"), []byte("hello\n"), 0o640)
	os.WriteFile(filepath.Join(tree, "sub", "b"), []byte("b\n"), 0o600)
	os.Symlink("a.txt", filepath.Join(tree, "link"))

	var buf bytes.Buffer
	if err := tarPath(&buf, tree, false, false, "", t.Logf); err != nil {
		t.Fatal(err)
	}
	var names []string
	tr := tar.NewReader(bytes.NewReader(buf.Bytes()))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Uname != "" || !h.AccessTime.IsZero() {
			t.Errorf("%s: owner or times leaked: %+v", h.Name, h)
		}
		names = append(names, h.Name)
	}
	sort.Strings(names)
	if got := strings.Join(names, " "); got != "data/ data/a.txt data/link data/sub/ data/sub/b" {
		t.Fatalf("names %s", got)
	}

	dst := t.TempDir()
	if err := untar(bytes.NewReader(buf.Bytes()), dst, "data", "copy"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dst, "copy", "sub", "b"))
	if err != nil || string(b) != "b\n" {
		t.Fatalf("sub/b: %q %v", b, err)
	}
	if fi, err := os.Stat(filepath.Join(dst, "copy", "a.txt")); err != nil || fi.Mode().Perm() != 0o640 {
		t.Fatalf("a.txt: %v %v", fi, err)
	}
	if l, err := os.Readlink(filepath.Join(dst, "copy", "link")); err != nil || l != "a.txt" {
		t.Fatalf("link %q %v", l, err)
	}

	// A directory's contents ("data/.") land under the new name.
	buf.Reset()
	if err := tarPath(&buf, tree+"/.", false, false, "", t.Logf); err != nil {
		t.Fatal(err)
	}
	if err := untar(bytes.NewReader(buf.Bytes()), dst, ".", "contents"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "contents", "a.txt")); err != nil || string(b) != "hello\n" {
		t.Fatalf("contents/a.txt: %q %v", b, err)
	}

	// A single file's archive is 512 header + 512 data + 1024 end bytes,
	// which is what "Successfully copied 2.05kB" counts.
	buf.Reset()
	if err := tarPath(&buf, filepath.Join(tree, "a.txt"), false, false, "renamed", t.Logf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 2048 {
		t.Fatalf("single file archive is %d bytes", buf.Len())
	}
}

func TestExportOutputChecks(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f"), nil, 0o644)
	cases := []struct{ path, want string }{
		{dir, "cannot write to a directory"},
		{filepath.Join(dir, "nodir", "x.tar"), "invalid output path: stat " + filepath.Join(dir, "nodir") + ": no such file or directory"},
		{filepath.Join(dir, "f", "x.tar"), "invalid output path: stat " + filepath.Join(dir, "f") + ": not a directory"},
	}
	for _, tc := range cases {
		// Refused before any request: the engine has no replies.
		r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newExportCommand, "-o", tc.path, "c")
		if r.RunErr == nil || r.RunErr.Error() != "failed to export container: "+tc.want {
			t.Errorf("%s: %v", tc.path, r.RunErr)
		}
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/c/export": {Body: "TARDATA"}}}
	out := filepath.Join(dir, "out.tar")
	r := clitest.Run(t, e, clitest.Options{}, newExportCommand, "-o", out, "c")
	b, err := os.ReadFile(out)
	if r.RunErr != nil || err != nil || string(b) != "TARDATA" {
		t.Fatalf("export: %v %v %q", r.RunErr, err, b)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode())
	}
}

func TestContainerPrune(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /containers/prune": {Body: `{"ContainersDeleted":["abc"],"SpaceReclaimed":3}`}}}
	r := clitest.Run(t, e, clitest.Options{Stdin: "y\n"}, newContainerPruneCommand, "--filter", "until=1h")
	want := "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] Deleted Containers:\nabc\n\nTotal reclaimed space: 3B\n"
	if r.RunErr != nil || r.Out != want || e.Lines()[0] != "POST /containers/prune?filters=%7B%22until%22%3A%7B%221h%22%3Atrue%7D%7D" {
		t.Fatalf("err %v out %q requests %v", r.RunErr, r.Out, e.Lines())
	}
}
