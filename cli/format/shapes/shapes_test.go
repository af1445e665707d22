package shapes

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"text/template"
)

// The fixtures are what a 20.10 engine sent (*.daemon.json) and what the
// reference CLI printed for {{json .}} on the same object
// (*.reference.json): it re-encodes its typed value, which reorders,
// drops and adds fields.
func TestShapesReencodeLikeTheReference(t *testing.T) {
	for _, tt := range []struct{ kind, fixture string }{
		{"container", "container-created"},
		{"container", "container-exited"},
		{"container", "container-options"},
		{"image", "image-committed"},
		{"image", "image-imported"},
		{"network", "network"},
		{"volume", "volume"},
	} {
		t.Run(tt.fixture, func(t *testing.T) {
			raw := readFixture(t, tt.fixture+".daemon.json")
			want := strings.TrimSpace(string(readFixture(t, tt.fixture+".reference.json")))
			v := New(tt.kind)
			if err := json.Unmarshal(raw, v); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false) // as the json template function
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(b.String()); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// Templates print typed values: Stringers, durations, times, nil pointers.
// The expectations are the reference's output on the same objects.
func TestShapesPrintLikeTheReference(t *testing.T) {
	tests := []struct{ kind, fixture, tmpl, want string }{
		{"container", "container-options",
			`{{.HostConfig.Ulimits}}|{{.HostConfig.BlkioDeviceReadBps}}|{{range .HostConfig.Mounts}}{{.TmpfsOptions}}{{end}}|{{.Config.Healthcheck}}|{{.State.Health}}|{{.SizeRw}}|{{.HostConfig.OomKillDisable}}|{{.HostConfig.PortBindings}}|{{.Config.StopTimeout}}|{{.Config.ExposedPorts}}`,
			`[nofile=10:20]|[/dev/null:1048576]|<nil><nil>{1048576 -rwx------ []}|{[CMD-SHELL exit 0] 1s 0s 0s 0s 0}|<nil>|<nil>|true|map[]|5|map[]`},
		{"container", "container-created", `{{.State}}|{{.HostConfig.PortBindings}}|{{.Config.Entrypoint}}|{{.ID}}`,
			`{created false false false false false 0 0  0001-01-01T00:00:00Z 0001-01-01T00:00:00Z <nil>}|map[80/tcp:[{ 8080}]]|[]|1b9157a32c58bb07369721b445df472229a475028e22640085e214226a409528`},
		{"container", "container-options", `{{.NetworkSettings.NetworkSettingsBase}}|{{.NetworkSettings.DefaultNetworkSettings}}|{{.HostConfig.RestartPolicy}}|{{.HostConfig.LogConfig}}`,
			`{   map[] false  0 [] []}|{   0  0  }|{no 0}|{json-file map[]}`},
		{"image", "image-committed", `{{.Config.Healthcheck}}|{{.Metadata.LastTagTime}}|{{.Config.Cmd}}|{{.Descriptor}}|{{.ContainerConfig.Healthcheck}}`,
			`{[CMD-SHELL true] 5s 0s 0s 0s 0}|2026-11-27 16:04:09.715563479 +0000 UTC|[]|<nil>|{[CMD-SHELL true] 0s 0s 0s 0s 0}`},
		{"network", "network", `{{.Created}}|{{.IPAM.Config}}|{{.Peers}}`,
			`2026-11-27 16:07:07.674102624 +0000 UTC|[{10.99.0.0/24 10.99.0.0/25 10.99.0.1 map[a:10.99.0.5]}]|[]`},
		{"volume", "volume", `{{.Status}}|{{.UsageData}}`, `map[]|<nil>`},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			v := New(tt.kind)
			if err := json.Unmarshal(readFixture(t, tt.fixture+".daemon.json"), v); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := template.Must(template.New("").Parse(tt.tmpl)).Execute(&b, v); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got  %s\nwant %s", b.String(), tt.want)
			}
		})
	}
}

func TestNewWithoutShape(t *testing.T) {
	for _, kind := range []string{"plugin", "service", ""} {
		if v := New(kind); v != nil {
			t.Errorf("New(%q) = %T, want nil", kind, v)
		}
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
