package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

// The messages are the reference's for the same files.
func TestLoadErrors(t *testing.T) {
	cases := []struct{ file, err string }{
		{"version: \"2\"\nservices: {}\n", "unsupported Compose file version: 2"},
		{"version: \"3.99\"\nservices: {}\n", "unsupported Compose file version: 3.99"},
		{"version: 3\nservices: {}\n", "version must be a string"},
		{"services:\n  web:\n    image: busybox\n    bogus_key: 1\n", "services.web Additional property bogus_key is not allowed"},
		{"foo: 1\nservices: {}\n", "(root) Additional property foo is not allowed"},
		{"name: foo\nservices: {}\n", "(root) Additional property name is not allowed"},
		{"services:\n  web:\n    image: busybox\n    deploy:\n      replicas: abc\n", "services.web.deploy.replicas must be a integer"},
		{"services:\n  web:\n    image: busybox\n    deploy:\n      replicas: \"3\"\n", "services.web.deploy.replicas must be a integer"},
		{"version: \"3.8\"\nservices:\n  web: [a, b\n", "yaml: line 2: did not find expected ',' or ']'"},
		{"- a\n", "top-level object must be a mapping"},
		{"services:\n  web:\n    image: 1\n", "services.web.image must be a string"},
		{"services:\n  web:\n    image: busybox\n    ports: x\n", "services.web.ports must be a list"},
		{"services:\n  web:\n    image: busybox\n    ports: [bogus]\n", "services.web.ports.0 Does not match format 'ports'"},
		{"services:\n  web:\n    image: busybox\n    ports: [{bogus: 1}]\n", "services.web.ports.0 Additional property bogus is not allowed"},
		{"services:\n  web:\n    image: busybox\n    environment: 5\n", "services.web.environment must be a mapping"},
		{"services:\n  web:\n    image: busybox\n    tty: yes2\n", "services.web.tty must be a boolean"},
		{"services:\n  web:\n    image: busybox\n    command: 5\n", "services.web.command must be a string"},
		{"services:\n  web:\n    image: busybox\n    stop_grace_period: abc\n", "services.web.stop_grace_period Does not match format 'duration'"},
		{"services:\n  ${S:-web}:\n    image: busybox\n", "services Additional property ${S:-web} is not allowed"},
		{"networks:\n  n:\n    bogus: 1\n", "networks.n Additional property bogus is not allowed"},
		{"services:\n  web:\n    image: \"${\"\n", `invalid interpolation format for services.web.image: "${"; you may need to escape any $ with another $`},
		{"services:\n  web:\n    image: \"${NOPE:?must be set}\"\n", `invalid interpolation format for services.web.image: "required variable NOPE is missing a value: must be set"; you may need to escape any $ with another $`},
		{"services:\n  web:\n    image: busybox\n    volumes: [\":::\"]\n", "decoding failed due to the following error(s):\n\nerror decoding 'Volumes[0]': invalid spec: :::: empty section between colons"},
		{"volumes:\n  v:\n    name: q\n    external:\n      name: w\n", "volume v: volume.external.name and volume.name conflict; only use volume.name"},
	}
	dir := t.TempDir()
	for i, tc := range cases {
		f := write(t, dir, "c.yml", tc.file)
		c, err := Load(Options{Files: []string{f}, Env: env(nil)})
		if err == nil {
			_, err = c.Decode()
		}
		if err == nil || err.Error() != tc.err {
			t.Errorf("%d %q: %v, want %s", i, tc.file, err, tc.err)
		}
	}
	if _, err := Load(Options{Files: []string{filepath.Join(dir, "nosuch.yml")}}); err == nil || !strings.HasSuffix(err.Error(), "no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(Options{}); err == nil || err.Error() != "Specify a Compose file (with --compose-file)" {
		t.Errorf("no file: %v", err)
	}
}

func TestLoadMergeAndInterpolate(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "vars.env", "E=1\nA=fromfile\n")
	one := write(t, dir, "one.yml", `services:
  web:
    image: busybox
    environment:
      A: ${A_VAL:-def}
      B: $B_VAL
      D: $$notvar
    env_file: ./vars.env
    volumes: ["./data:/data", "named:/n"]
    ports: ["80", "8080:80/udp"]
    deploy:
      replicas: ${R:-2}
volumes:
  named: {}
secrets:
  s:
    file: ./s.txt
`)
	two := write(t, dir, "two.yml", "services:\n  web:\n    image: busybox:1\n    ports: [\"81\"]\n  extra:\n    image: x\n")
	c, err := Load(Options{Files: []string{one, two}, Env: env(map[string]string{"R": "3"})})
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.Decode()
	if err != nil {
		t.Fatal(err)
	}
	web := m.Services["web"]
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	if web.Image != "busybox:1" || *web.Deploy.Replicas != 3 || str(web.Environment["A"]) != "def" || str(web.Environment["B"]) != "" ||
		str(web.Environment["D"]) != "$notvar" || str(web.Environment["E"]) != "1" || m.Services["extra"].Image != "x" {
		t.Errorf("web: %+v %v", web, web.Environment)
	}
	// Ports merge by published port (80 and 81 publish none), volumes keep
	// their order, host paths are made absolute.
	if len(web.Ports) != 2 || web.Ports[0].Target != 81 || web.Ports[1].Published != "8080" ||
		web.Volumes[0].Source != filepath.Join(dir, "data") || web.Volumes[1].Source != "named" {
		t.Errorf("ports %+v volumes %+v", web.Ports, web.Volumes)
	}
	if m.Secrets["s"].File != filepath.Join(dir, "s.txt") || c.Version != DefaultVersion {
		t.Errorf("secret %+v version %s", m.Secrets["s"], c.Version)
	}
	three := write(t, dir, "three.yml", "version: \"3.8\"\nservices: {}\n")
	if _, err := Load(Options{Files: []string{one, three}}); err == nil || err.Error() != "version mismatched between two composefiles : 3.13 and 3.8" {
		t.Errorf("versions: %v", err)
	}
}

func TestIgnored(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "c.yml", "services:\n  web:\n    image: x\n    build: .\n    links: [a]\n    container_name: c\n    expose: [\"80\"]\n")
	c, err := Load(Options{Files: []string{f}})
	if err != nil {
		t.Fatal(err)
	}
	u, d := c.Ignored()
	if strings.Join(u, ",") != "build,links" || len(d) != 2 || d[0][0] != "container_name" || d[1][0] != "expose" {
		t.Errorf("ignored %v %v", u, d)
	}
}
