package stack

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const composeFile = `version: "3.8"
services:
  web:
    image: busybox
    command: sleep 600
    environment:
      A: ${A_VAL:-1}
      B:
    ports:
      - "8080:80"
      - target: 81
        published: 8081
        mode: host
    deploy:
      replicas: 2
      labels:
        tier: web
      resources:
        limits:
          cpus: "0.5"
          memory: 50M
      restart_policy:
        condition: on-failure
      update_config:
        parallelism: 2
        delay: 10s
    secrets:
      - mysecret
    configs:
      - source: myconf
        target: /etc/my.conf
    volumes:
      - data:/data
      - /tmp:/hosttmp:ro
    healthcheck:
      test: ["CMD", "true"]
      interval: 30s
  worker:
    image: busybox
    command: ["sleep", "600"]
    deploy:
      mode: global
volumes:
  data:
secrets:
  mysecret:
    file: ./sec.txt
configs:
  myconf:
    file: ./conf.txt
`

func composeDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{"c.yml": composeFile, "sec.txt": "sec\n", "conf.txt": "conf\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The requests are the reference's for the same file (through a logging
// proxy to a 20.10 manager).
func TestDeploy(t *testing.T) {
	dir := composeDir(t)
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /info":                             {Body: `{"Swarm":{"LocalNodeState":"active","ControlAvailable":true}}`},
		"GET /networks":                         {Body: `[]`},
		"POST /networks/create":                 {Status: 201, Body: `{"Id":"n1"}`},
		"GET /secrets/st_mysecret":              clitest.NotFound("secret st_mysecret not found"),
		"POST /secrets/create":                  {Status: 201, Body: `{"ID":"sid"}`},
		"GET /configs/st_myconf":                clitest.NotFound("config st_myconf not found"),
		"POST /configs/create":                  {Status: 201, Body: `{"ID":"cid"}`},
		"GET /secrets":                          {Body: `[{"ID":"sid","Spec":{"Name":"st_mysecret"}}]`},
		"GET /configs":                          {Body: `[{"ID":"cid","Spec":{"Name":"st_myconf"}}]`},
		"GET /services":                         {Body: `[]`},
		"GET /distribution/busybox:latest/json": {Status: 500, Body: `{"message":"no such host"}`},
		"POST /services/create":                 {Status: 201, Body: `{"ID":"svc"}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newDeployCommand, "-c", filepath.Join(dir, "c.yml"), "st")
	if r.RunErr != nil || r.Out != "Creating network st_default\nCreating secret st_mysecret\nCreating config st_myconf\nCreating service st_web\nCreating service st_worker\n" ||
		r.Err != "Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n" {
		t.Fatalf("err %v\nout %q\nstderr %q", r.RunErr, r.Out, r.Err)
	}
	var bodies []string
	for _, req := range e.Requests() {
		if req.Method == "POST" {
			bodies = append(bodies, req.Body)
		}
	}
	want := []string{
		`{"Driver":"overlay","Scope":"","IPAM":null,"Internal":false,"Attachable":false,"Ingress":false,"ConfigOnly":false,"ConfigFrom":null,"Options":null,"Labels":{"com.docker.stack.namespace":"st"},"Name":"st_default","CheckDuplicate":true}`,
		`{"Name":"st_mysecret","Labels":{"com.docker.stack.namespace":"st"},"Data":"c2VjCg=="}`,
		`{"Name":"st_myconf","Labels":{"com.docker.stack.namespace":"st"},"Data":"Y29uZgo="}`,
		`{"Name":"st_web","Labels":{"com.docker.stack.image":"busybox","com.docker.stack.namespace":"st","tier":"web"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Labels":{"com.docker.stack.namespace":"st"},"Args":["sleep","600"],"Env":["A=1","B"],"Privileges":{"CredentialSpec":null,"SELinuxContext":null,"NoNewPrivileges":false},"Mounts":[{"Type":"volume","Source":"st_data","Target":"/data","VolumeOptions":{"Labels":{"com.docker.stack.namespace":"st"}}},{"Type":"bind","Source":"/tmp","Target":"/hosttmp","ReadOnly":true}],"Healthcheck":{"Test":["CMD","true"],"Interval":30000000000},"Secrets":[{"File":{"Name":"mysecret","UID":"0","GID":"0","Mode":292},"SecretID":"sid","SecretName":"st_mysecret"}],"Configs":[{"File":{"Name":"/etc/my.conf","UID":"0","GID":"0","Mode":292},"ConfigID":"cid","ConfigName":"st_myconf"}]},"Resources":{"Limits":{"NanoCPUs":500000000,"MemoryBytes":52428800}},"RestartPolicy":{"Condition":"on-failure"},"Placement":{},"Networks":[{"Target":"st_default","Aliases":["web"]}],"ForceUpdate":0},"Mode":{"Replicated":{"Replicas":2}},"UpdateConfig":{"Parallelism":2,"Delay":10000000000,"MaxFailureRatio":0,"Order":""},"EndpointSpec":{"Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"},{"TargetPort":81,"PublishedPort":8081,"PublishMode":"host"}]}}`,
		`{"Name":"st_worker","Labels":{"com.docker.stack.image":"busybox","com.docker.stack.namespace":"st"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Labels":{"com.docker.stack.namespace":"st"},"Args":["sleep","600"],"Privileges":{"CredentialSpec":null,"SELinuxContext":null,"NoNewPrivileges":false}},"Resources":{},"Placement":{},"Networks":[{"Target":"st_default","Aliases":["worker"]}],"ForceUpdate":0},"Mode":{"Global":{}},"EndpointSpec":{}}`,
	}
	if strings.Join(bodies, "\n") != strings.Join(want, "\n") {
		t.Errorf("bodies:\n%s\nwant\n%s", strings.Join(bodies, "\n"), strings.Join(want, "\n"))
	}
}

// A second deploy with --prune removes the service the file dropped and
// updates the others (and the secrets and configs, silently).
func TestDeployUpdateAndPrune(t *testing.T) {
	dir := composeDir(t)
	if err := os.WriteFile(filepath.Join(dir, "c.yml"), []byte(composeFile[:strings.Index(composeFile, "  worker:")]+composeFile[strings.Index(composeFile, "volumes:\n  data"):]), 0o644); err != nil {
		t.Fatal(err)
	}
	services := `[{"ID":"w1","Version":{"Index":9},"Spec":{"Name":"st_web","Labels":{"com.docker.stack.image":"busybox"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest@sha256:x"},"ForceUpdate":2}}},
		{"ID":"w2","Spec":{"Name":"st_worker"}}]`
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /info":                {Body: `{"Swarm":{"LocalNodeState":"active","ControlAvailable":true}}`},
		"GET /networks":            {Body: `[{"Id":"n1","Name":"st_default"}]`},
		"GET /secrets/st_mysecret": {Body: `{"ID":"sid","Version":{"Index":4},"Spec":{"Name":"st_mysecret"}}`},
		"POST /secrets/sid/update": {},
		"GET /configs/st_myconf":   {Body: `{"ID":"cid","Version":{"Index":5},"Spec":{"Name":"st_myconf"}}`},
		"POST /configs/cid/update": {},
		"GET /secrets":             {Body: `[{"ID":"sid","Spec":{"Name":"st_mysecret"}}]`},
		"GET /configs":             {Body: `[{"ID":"cid","Spec":{"Name":"st_myconf"}}]`},
		"GET /services":            {Body: services},
		"DELETE /services/w2":      {},
		"POST /services/w1/update": {Body: `{"Warnings":["w"]}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newDeployCommand, "--prune", "--resolve-image", "changed", "-d", "-c", filepath.Join(dir, "c.yml"), "st")
	if r.RunErr != nil || r.Out != "Removing service st_worker\nUpdating service st_web (id: w1)\n" || r.Err != "w\n" {
		t.Fatalf("err %v\nout %q\nstderr %q", r.RunErr, r.Out, r.Err)
	}
	for _, req := range e.Requests() {
		switch req.Method + " " + req.Path {
		case "POST /secrets/sid/update":
			if req.Query != "version=4" {
				t.Errorf("secret update %s", req.Query)
			}
		case "POST /services/w1/update":
			// The image did not change: the pinned one stays, unresolved.
			if req.Query != "version=9" || !strings.Contains(req.Body, `"Image":"busybox:latest@sha256:x"`) || !strings.Contains(req.Body, `"ForceUpdate":2`) {
				t.Errorf("service update %s %s", req.Query, req.Body)
			}
		}
	}
}

func TestDeployErrors(t *testing.T) {
	dir := composeDir(t)
	notManager := map[string]clitest.Reply{"GET /info": {Body: `{"Swarm":{"LocalNodeState":"inactive"}}`}}
	cases := []struct {
		args    []string
		replies map[string]clitest.Reply
		err     string
	}{
		{[]string{"st"}, nil, "Specify a Compose file (with --compose-file)"},
		{[]string{"--resolve-image", "bogus", "-c", "x", "st"}, nil, "Invalid option bogus for flag --resolve-image"},
		{[]string{"-c", filepath.Join(dir, "nosuch.yml"), "st"}, nil, "open " + filepath.Join(dir, "nosuch.yml") + ": no such file or directory"},
		{[]string{"-c", filepath.Join(dir, "c.yml"), "st"}, notManager, `this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again`},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: tc.replies}
		if r := clitest.Run(t, e, clitest.Options{}, newDeployCommand, tc.args...); r.ErrText() != tc.err {
			t.Errorf("%v: %q", tc.args, r.ErrText())
		}
	}
}

func TestListServicesPSRemove(t *testing.T) {
	services := `[{"ID":"a1","Spec":{"Name":"st_web","Labels":{"com.docker.stack.namespace":"st"},"Mode":{"Replicated":{"Replicas":1}},"TaskTemplate":{"ContainerSpec":{"Image":"busybox"}}},"ServiceStatus":{"RunningTasks":1,"DesiredTasks":1}},
		{"ID":"a2","Spec":{"Name":"other_x","Labels":{"com.docker.stack.namespace":"other"}}},{"ID":"a3","Spec":{"Name":"st_db","Labels":{"com.docker.stack.namespace":"st"}}}]`
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /services": {Body: services}}}
	if r := clitest.Run(t, e, clitest.Options{}, newListCommand); r.Out != "NAME      SERVICES\nother     1\nst        2\n" || e.Requests()[0].Query != "filters=%7B%22label%22%3A%7B%22com.docker.stack.namespace%22%3Atrue%7D%7D" {
		t.Errorf("ls: %q %v", r.Out, e.Lines())
	}
	if r := clitest.Run(t, e, clitest.Options{}, newListCommand, "--format", "{{json .}}"); r.Out != "{\"Name\":\"other\",\"Services\":\"1\"}\n{\"Name\":\"st\",\"Services\":\"2\"}\n" {
		t.Errorf("ls json: %q", r.Out)
	}
	if r := clitest.Run(t, e, clitest.Options{}, newListCommand, "--format", "{{.Foo}}"); !strings.HasSuffix(r.ErrText(), "can't evaluate field Foo in type *formatter.stackContext") {
		t.Errorf("ls template error: %q", r.ErrText())
	}
	empty := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /services": {Body: `[]`}, "GET /tasks": {Body: `[]`},
		"GET /networks": {Body: `[]`}, "GET /secrets": {Body: `[]`}, "GET /configs": {Body: `[]`}}}
	if r := clitest.Run(t, empty, clitest.Options{}, newServicesCommand, "nope"); r.RunErr != nil || r.Out != "" || r.Err != "Nothing found in stack: nope\n" {
		t.Errorf("services: %v %q %q", r.RunErr, r.Out, r.Err)
	}
	if r := clitest.Run(t, empty, clitest.Options{}, newPSCommand, "nope"); r.ErrText() != "nothing found in stack: nope" {
		t.Errorf("ps: %q", r.ErrText())
	}
	if r := clitest.Run(t, empty, clitest.Options{}, newRemoveCommand, "nope", "x"); r.RunErr != nil || r.Err != "Nothing found in stack: nope\nNothing found in stack: x\n" {
		t.Errorf("rm: %v %q", r.RunErr, r.Err)
	}
	full := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /services": {Body: `[{"ID":"s2","Spec":{"Name":"st_web"}},{"ID":"s1","Spec":{"Name":"st_db"}}]`},
		"GET /networks": {Body: `[{"Id":"n1","Name":"st_default"}]`}, "GET /secrets": {Body: `[{"ID":"x1","Spec":{"Name":"st_s"}}]`},
		"GET /configs": {Body: `[]`}, "DELETE /services/s1": {}, "DELETE /services/s2": {}, "DELETE /secrets/x1": {},
		"DELETE /networks/n1": {Status: 404, Body: `{"message":"network n1 not found"}`},
	}}
	r := clitest.Run(t, full, clitest.Options{}, newRemoveCommand, "st")
	if r.Out != "Removing service st_db\nRemoving service st_web\nRemoving secret st_s\nRemoving network st_default\n" ||
		r.Err != "Failed to remove network n1: Error response from daemon: network n1 not found" ||
		r.ErrText() != "failed to remove some resources from stack: st" {
		t.Errorf("rm: %q %q %q", r.Out, r.Err, r.ErrText())
	}
}

func TestConfig(t *testing.T) {
	dir := composeDir(t)
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newConfigCommand, "-c", filepath.Join(dir, "c.yml"))
	want := strings.ReplaceAll(`version: "3.8"
services:
  web:
    command:
      - sleep
      - "600"
    configs:
      - source: myconf
        target: /etc/my.conf
    deploy:
      replicas: 2
      labels:
        tier: web
      update_config:
        parallelism: 2
        delay: 10s
      resources:
        limits:
          cpus: "0.5"
          memory: "52428800"
      restart_policy:
        condition: on-failure
    environment:
      A: "1"
      B: null
    healthcheck:
      test:
        - CMD
        - "true"
      interval: 30s
    image: busybox
    ports:
      - mode: ingress
        target: 80
        published: 8080
        protocol: tcp
      - mode: host
        target: 81
        published: 8081
    secrets:
      - source: mysecret
    volumes:
      - type: volume
        source: data
        target: /data
      - type: bind
        source: /tmp
        target: /hosttmp
        read_only: true
  worker:
    command:
      - sleep
      - "600"
    deploy:
      mode: global
    image: busybox
volumes:
  data: {}
secrets:
  mysecret:
    file: DIR/sec.txt
configs:
  myconf:
    file: DIR/conf.txt
`, "DIR", dir)
	if r.RunErr != nil || r.Out != want {
		t.Errorf("config: %v\n%s", r.RunErr, r.Out)
	}
}
