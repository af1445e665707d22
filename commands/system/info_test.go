package system

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const infoJSON = `{"ID":"X:Y","Containers":3,"ContainersRunning":1,"ContainersPaused":0,"ContainersStopped":2,"Images":4,
"Driver":"overlay2","DriverStatus":[["Backing Filesystem","extfs"]],"Plugins":{"Volume":["local"],"Network":["bridge","host"],"Authorization":null,"Log":["json-file"]},
"MemoryLimit":true,"BridgeNfIptables":true,"Debug":false,"NFd":7,"NGoroutines":9,"SystemTime":"T","LoggingDriver":"json-file","CgroupDriver":"cgroupfs","CgroupVersion":"2",
"KernelVersion":"6.1","OperatingSystem":"Debian","OSVersion":"12","OSType":"linux","Architecture":"x86_64","IndexServerAddress":"https://index.docker.io/v1/",
"RegistryConfig":{"AllowNondistributableArtifactsCIDRs":[],"InsecureRegistryCIDRs":["127.0.0.0/8"],"IndexConfigs":{"r:5000":{"Name":"r:5000","Mirrors":[],"Secure":false,"Official":false}},"Mirrors":[]},
"NCPU":2,"MemTotal":2147483648,"DockerRootDir":"/var/lib/docker","Name":"host1","Labels":["a=b"],"ServerVersion":"20.10.24",
"Runtimes":{"runc":{"path":"runc"},"crun":{"path":"crun"}},"DefaultRuntime":"runc","Swarm":{"LocalNodeState":"inactive"},
"InitBinary":"docker-init","ContainerdCommit":{"ID":"c1","Expected":"c1"},"RuncCommit":{"ID":"r1"},"InitCommit":{"ID":""},
"SecurityOptions":["name=seccomp,profile=default","name=cgroupns"],"Warnings":["WARNING: one","WARNING: two"]}`

const wantInfo = `Client:
 Version:    28.2.2
 Context:    default
 Debug Mode: false

Server:
 Containers: 3
  Running: 1
  Paused: 0
  Stopped: 2
 Images: 4
 Server Version: 20.10.24
 Storage Driver: overlay2
  Backing Filesystem: extfs
 Logging Driver: json-file
 Cgroup Driver: cgroupfs
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host
  Log: json-file
 Swarm: inactive
 Runtimes: crun runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: c1
 runc version: r1
 init version: 
 Security Options:
  seccomp
   Profile: default
  cgroupns
 Kernel Version: 6.1
 Operating System: Debian
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 2GiB
 Name: host1
 ID: X:Y
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Username: hubuser
 Labels:
  a=b
 Experimental: false
 Insecure Registries:
  r:5000
  127.0.0.0/8
 Live Restore Enabled: false

`

func TestInfoDefault(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /info": {Body: infoJSON}}}
	cfg := `{"auths":{"https://index.docker.io/v1/":{"auth":"aHVidXNlcjpwdw=="}}}`
	r := clitest.Run(t, e, clitest.Options{Config: cfg}, newInfoCommand)
	if r.RunErr != nil || r.Out != wantInfo {
		t.Fatalf("err %v\n%s", r.RunErr, r.Out)
	}
	if r.Err != "WARNING: one\nWARNING: two\n" {
		t.Fatalf("stderr %q", r.Err)
	}
	r = clitest.Run(t, e, clitest.Options{Debug: true}, newInfoCommand)
	if !strings.Contains(r.Out, " Debug Mode: true\n\nServer:") || !strings.Contains(r.Out, " Debug Mode: false\n  File Descriptors: 7\n  Goroutines: 9\n  System Time: T\n  EventsListeners: 0\n") {
		t.Fatalf("debug:\n%s", r.Out)
	}
}

func TestInfoFormat(t *testing.T) {
	cases := []struct {
		name, format, out, err string
		requests               int
	}{
		{"client only needs no daemon", "{{.ClientInfo.Context}} {{.ClientInfo.Version}}", "default 28.2.2\n", "", 0},
		{"server field", "{{.ServerVersion}} {{.Swarm.LocalNodeState}} {{.RegistryConfig.InsecureRegistryCIDRs}}", "20.10.24 inactive [127.0.0.0/8]\n", "", 1},
		{"json drops unknown keys and sorts the registry config", `{{json .RegistryConfig}}`,
			`{"IndexConfigs":{"r:5000":{"Mirrors":[],"Name":"r:5000","Official":false,"Secure":false}},"InsecureRegistryCIDRs":["127.0.0.0/8"],"Mirrors":[]}` + "\n", "", 1},
		{"unknown field", "{{.Nope}}", "\n", `template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type system.dockerInfo`, 1},
		{"parse error", "{{.Nope", "", "template parsing error: template: :1: unclosed action", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /info": {Body: infoJSON}}}
			r := clitest.Run(t, e, clitest.Options{}, newInfoCommand, "-f", tc.format)
			if r.Out != tc.out || r.ErrText() != tc.err || len(e.Requests()) != tc.requests {
				t.Fatalf("out %q err %q requests %d", r.Out, r.ErrText(), len(e.Requests()))
			}
		})
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /info": {Body: infoJSON}}}
	r := clitest.Run(t, e, clitest.Options{}, newInfoCommand, "-f", "json")
	for _, want := range []string{`{"ID":"X:Y","Containers":3,`, `"KernelMemory"`, `"ClientInfo":{"Debug":false,"Version":"28.2.2","DefaultAPIVersion":"1.50",`, `"Plugins":[],"Warnings":null}}`} {
		if strings.Contains(r.Out, want) == (want == `"KernelMemory"`) {
			t.Errorf("json: presence of %s wrong in %s", want, r.Out)
		}
	}
	if strings.Contains(r.Out, "BridgeNf") || strings.Contains(r.Out, "AllowNondistributable") {
		t.Errorf("json keeps keys the reference drops: %s", r.Out)
	}
}

func TestInfoDaemonDown(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /info": {Status: 500, Body: `{"message":"boom"}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newInfoCommand)
	if want := "Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\nServer:\n"; r.Out != want || r.ErrText() != "Error response from daemon: boom" {
		t.Fatalf("out %q err %q", r.Out, r.ErrText())
	}
	r = clitest.Run(t, e, clitest.Options{}, newInfoCommand, "-f", "{{.Bad")
	if r.ErrText() != "Error response from daemon: boom\ntemplate parsing error: template: :1: unclosed action" {
		t.Fatalf("err %q", r.ErrText())
	}
}

// TestInfoPluginType: a CLI plugin's missing field is named on the
// reference's type, manager.Plugin.
func TestInfoPluginType(t *testing.T) {
	dir := t.TempDir()
	pdir := filepath.Join(dir, "cli-plugins")
	script := "#!/bin/sh\necho '{\"SchemaVersion\":\"0.1.0\",\"Vendor\":\"X\"}'\n"
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pdir, "docker-hello"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /info": {Body: infoJSON}}}
	r := clitest.Run(t, e, clitest.Options{ConfigDir: dir}, newInfoCommand, "-f", "{{range .ClientInfo.Plugins}}{{.Name}} {{.Vendor}} {{.Hidden}}{{end}}")
	if want := `template: :1:53: executing "" at <.Hidden>: can't evaluate field Hidden in type manager.Plugin`; r.ErrText() != want {
		t.Errorf("got %q, want %q", r.ErrText(), want)
	}
}
