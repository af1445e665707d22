package formatter

import (
	"bytes"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func TestDisplayablePorts(t *testing.T) {
	tests := []struct {
		name  string
		ports []engine.Port
		want  string
	}{
		{"none", nil, ""},
		{"exposed only", []engine.Port{{PrivatePort: 80, Type: "tcp"}}, "80/tcp"},
		{"published same number", []engine.Port{{IP: "0.0.0.0", PrivatePort: 80, PublicPort: 80, Type: "tcp"}}, "0.0.0.0:80->80/tcp"},
		{"published other number", []engine.Port{{IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp"}}, "0.0.0.0:8080->80/tcp"},
		{"ipv6 gets brackets", []engine.Port{{IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp"}, {IP: "::", PrivatePort: 81, PublicPort: 81, Type: "tcp"}},
			"[::]:81->81/tcp, [::]:8080->80/tcp"},
		// Observed from the reference with -p 9001-9003:9001-9003 -p 127.0.0.1:7000:7001/udp
		// -p 9005:9005 --expose 5000-5001 (the daemon lists both IPv4 and IPv6).
		{"ranges, groups in creation order, mappings last", []engine.Port{
			{IP: "::", PrivatePort: 9005, PublicPort: 9005, Type: "tcp"},
			{IP: "0.0.0.0", PrivatePort: 9001, PublicPort: 9001, Type: "tcp"},
			{IP: "127.0.0.1", PrivatePort: 7001, PublicPort: 7000, Type: "udp"},
			{PrivatePort: 5001, Type: "tcp"},
			{IP: "0.0.0.0", PrivatePort: 9002, PublicPort: 9002, Type: "tcp"},
			{IP: "::", PrivatePort: 9001, PublicPort: 9001, Type: "tcp"},
			{IP: "0.0.0.0", PrivatePort: 9003, PublicPort: 9003, Type: "tcp"},
			{IP: "::", PrivatePort: 9002, PublicPort: 9002, Type: "tcp"},
			{PrivatePort: 5000, Type: "tcp"},
			{IP: "::", PrivatePort: 9003, PublicPort: 9003, Type: "tcp"},
			{IP: "0.0.0.0", PrivatePort: 9005, PublicPort: 9005, Type: "tcp"},
		}, "0.0.0.0:9001-9003->9001-9003/tcp, [::]:9001-9003->9001-9003/tcp, 5000-5001/tcp, 0.0.0.0:9005->9005/tcp, [::]:9005->9005/tcp, 127.0.0.1:7000->7001/udp"},
		{"protocols group apart", []engine.Port{{PrivatePort: 53, Type: "udp"}, {PrivatePort: 53, Type: "tcp"}, {PrivatePort: 54, Type: "tcp"}}, "53-54/tcp, 53/udp"},
	}
	for _, tt := range tests {
		if got := DisplayablePorts(tt.ports); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestImageColumn(t *testing.T) {
	tests := []struct {
		image, imageID string
		trunc          bool
		want           string
	}{
		{"busybox", "sha256:66c4f7ec1ba1ab", true, "busybox"},
		{"docker.io/library/busybox:1.36", "sha256:1", true, "busybox:1.36"},
		{"busybox:1.36@sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a", "sha256:1", true, "busybox:1.36"},
		{"busybox@sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a", "sha256:1", true, "busybox"},
		{"127.0.0.1:5055/compat/busybox:1", "sha256:1", true, "127.0.0.1:5055/compat/busybox:1"},
		{"sha256:66c4f7ec1ba1ab1d", "sha256:66c4f7ec1ba1ab1d", true, "66c4f7ec1ba1"},
		{"66c4f7ec1ba1", "sha256:66c4f7ec1ba1ab1d", true, "66c4f7ec1ba1"},
		{"sha256:66c4f7ec1ba1ab1d", "sha256:66c4f7ec1ba1ab1d", false, "sha256:66c4f7ec1ba1ab1d"},
		{"", "sha256:1", true, "<no image>"},
		{"Bad:Name", "sha256:1", true, "Bad:Name"},
	}
	for _, tt := range tests {
		c := engine.Container{Image: tt.image, ImageID: tt.imageID}
		r := NewRows([]engine.Container{c}, tt.trunc, time.Now())[0]
		if got := r.Image(); got != tt.want {
			t.Errorf("Image(%q, trunc %v) = %q, want %q", tt.image, tt.trunc, got, tt.want)
		}
	}
	// In one list (rows share the parsed images), each row still shows its own.
	for _, trunc := range []bool{true, false} {
		var cs []engine.Container
		for _, tt := range tests {
			if tt.trunc == trunc {
				cs = append(cs, engine.Container{Image: tt.image, ImageID: tt.imageID})
			}
		}
		cs = append(cs, cs...)
		rows := NewRows(cs, trunc, time.Now())
		for i := range rows {
			single := NewRows(cs[i:i+1], trunc, time.Now())[0]
			if got, want := rows[i].Image(), single.Image(); got != want {
				t.Errorf("row %d of a list: Image() = %q, alone %q", i, got, want)
			}
		}
	}
}

func TestNamesAndCommand(t *testing.T) {
	c := engine.Container{Names: []string{"/web", "/app/db"}, Command: "日本語の長いコマンドラインです"}
	trunc := NewRows([]engine.Container{c}, true, time.Now())[0]
	full := NewRows([]engine.Container{c}, false, time.Now())[0]
	if got := trunc.Names(); got != "web" {
		t.Errorf("trunc Names = %q", got)
	}
	if got := full.Names(); got != "web,app/db" {
		t.Errorf("full Names = %q", got)
	}
	if got := trunc.Command(); got != `"日本語の長いコマン…"` { // observed from the reference
		t.Errorf("trunc Command = %q", got)
	}
	onlyLinks := NewRows([]engine.Container{{Names: []string{"/a/b", "/c/d"}}}, true, time.Now())[0]
	if got := onlyLinks.Names(); got != "a/b,c/d" {
		t.Errorf("link-only Names = %q", got)
	}
}

func TestSpec(t *testing.T) {
	tests := []struct {
		spec        string
		quiet, size bool
		want        string
	}{
		{"", false, false, defaultTable},
		{"table", false, true, defaultTable + sizeColumn},
		{"", true, true, quietFormat},
		{"{{.Names}}", true, false, quietFormat},
		{"raw", true, false, rawQuiet},
		{"raw", false, true, rawFormat + rawSize},
		{"json", false, true, "json"},
		{"table {{.Names}}", false, true, "table {{.Names}}"},
	}
	for _, tt := range tests {
		if got := Spec(tt.spec, tt.quiet, tt.size); got != tt.want {
			t.Errorf("Spec(%q, %v, %v) = %q, want %q", tt.spec, tt.quiet, tt.size, got, tt.want)
		}
	}
}

// The default table is rendered without a template; it must print exactly
// what the template prints.
func TestWriteDefaultTableMatchesTemplate(t *testing.T) {
	list := []engine.Container{
		{ID: "40a21b73f41c0d092a2107d4943e1ca8df66d3cab1796755978d1c2f83bcfd26", Names: []string{"/hx-a2"}, Image: "busybox",
			Command: "sleep 3000", Created: 1700000000, Status: "Up 2 minutes", SizeRw: 5, SizeRootFs: 1984210,
			Ports: []engine.Port{{IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp"}}},
		{ID: "1466b2782084", Names: []string{"/日本語"}, Image: "x", Command: "sh -c 'echo a very long command line here'", Created: 1700000000, Status: "Created"},
	}
	now := time.Unix(1800000000, 0)
	for _, size := range []bool{false, true} {
		f, err := format.Parse(Spec("", false, size), "")
		if err != nil {
			t.Fatal(err)
		}
		var want, got bytes.Buffer
		w := format.NewWriter(&want, f, Header)
		rows := NewRows(list, true, now)
		for i := range rows {
			if err := w.Write(&rows[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := WriteDefaultTable(&got, NewRows(list, true, now), size); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("size %v:\ngot\n%s\nwant\n%s", size, got.String(), want.String())
		}
	}
}

func TestProbe(t *testing.T) {
	p := Probe()
	if UsesSize(p) {
		t.Fatal("fresh probe uses size")
	}
	_ = p.Size()
	if !UsesSize(p) {
		t.Error("Size did not mark the row")
	}
	if Probe() == p || UsesSize(Probe()) {
		t.Error("probes must be independent")
	}
}
