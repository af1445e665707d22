package opts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/spf13/pflag"
)

func TestParsePublish(t *testing.T) {
	tests := []struct {
		spec     string
		bindings string
		err      string
	}{
		{"80", `{"80/tcp":[{"HostIp":"","HostPort":""}]}`, ""},
		{"8080:80", `{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}`, ""},
		{"127.0.0.1:8080:80/udp", `{"80/udp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]}`, ""},
		{"127.0.0.1::80", `{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":""}]}`, ""},
		{"[::1]:8080:80", `{"80/tcp":[{"HostIp":"::1","HostPort":"8080"}]}`, ""},
		{"9000-9001:90-91", `{"90/tcp":[{"HostIp":"","HostPort":"9000"}],"91/tcp":[{"HostIp":"","HostPort":"9001"}]}`, ""},
		{"9000-9010:90", `{"90/tcp":[{"HostIp":"","HostPort":"9000-9010"}]}`, ""},
		{"80:80:80", "", "invalid IP address: 80"},
		{"abc", "", "invalid containerPort: abc"},
		{"x:80", "", "invalid hostPort: x"},
		{"80/foo", "", "invalid proto: foo"},
		{"1-3:1-2", "", "invalid ranges specified for container and host Ports: 1-2 and 1-3"},
		// The protocol is the part after the first slash; empty means tcp.
		{"80/", `{"80/tcp":[{"HostIp":"","HostPort":""}]}`, ""},
		{"80//udp", `{"80/tcp":[{"HostIp":"","HostPort":""}]}`, ""},
		{"80/udp/x", `{"80/udp":[{"HostIp":"","HostPort":""}]}`, ""},
		{"80/TCP", `{"80/tcp":[{"HostIp":"","HostPort":""}]}`, ""},
		{"1-2-3", `{"1/tcp":[{"HostIp":"","HostPort":""}],"2/tcp":[{"HostIp":"","HostPort":""}]}`, ""},
		{"/tcp", "", "no port specified: /tcp<empty>"},
		// Ports and addresses are checked before the protocol.
		{"abc/xyz", "", "invalid containerPort: abc"},
		{"zz:abc:80/xyz", "", "invalid IP address: zz"},
		{"1.2.3.4:abc:80/xyz", "", "invalid hostPort: abc"},
		{"[::1]:80", "", "invalid IP address [:: address [::: missing ']' in address"},
		{"[::1]::90", `{"90/tcp":[{"HostIp":"::1","HostPort":""}]}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			ps, err := ParsePublish([]string{tc.spec})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(ps.Bindings)
			if string(got) != tc.bindings {
				t.Errorf("bindings %s, want %s", got, tc.bindings)
			}
			for port := range ps.Bindings {
				if _, ok := ps.Exposed[port]; !ok {
					t.Errorf("%s published but not exposed", port)
				}
			}
		})
	}
}

func TestParseExpose(t *testing.T) {
	got := map[string]struct{}{}
	if err := ParseExpose(got, []string{"7000", "53/udp", "8000-8001", "81/UDP", "82/", "1-2-3"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{}{"7000/tcp": {}, "53/udp": {}, "8000/tcp": {}, "8001/tcp": {}, "81/UDP": {}, "82/tcp": {},
		"1/tcp": {}, "2/tcp": {}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	for spec, msg := range map[string]string{
		"abc":   `invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax`,
		"99999": `invalid range format for --expose: 99999, error: strconv.ParseUint: parsing "99999": value out of range`,
		"-5":    `invalid range format for --expose: -5, error: strconv.ParseUint: parsing "": invalid syntax`,
		"80-70": "invalid range format for --expose: 80-70, error: invalid range specified for port: 80-70",
		"":      "invalid range format for --expose: , error: empty string specified for ports",
		"1:2":   "invalid port format for --expose: 1:2",
	} {
		if err := ParseExpose(map[string]struct{}{}, []string{spec}); err == nil || err.Error() != msg {
			t.Errorf("%q: got %v, want %s", spec, err, msg)
		}
	}
}

func TestValidateIPAddressAndLink(t *testing.T) {
	for in, want := range map[string]string{" 1.2.3.4": "1.2.3.4", "::0001": "::1", "x": "error: IP address is not correctly formatted: x"} {
		got, err := ValidateIPAddress(in)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != want {
			t.Errorf("ValidateIPAddress(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"a": "a", "a:b": "a:b", "": "error: empty string specified for links", "a:b:c": "error: bad format for links: a:b:c"} {
		got, err := ValidateLink(in)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != want {
			t.Errorf("ValidateLink(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseMount(t *testing.T) {
	tests := []parseCase{
		{"type=bind,src=/a,dst=/b,readonly", `{"Type":"bind","Source":"/a","Target":"/b","ReadOnly":true}`, ""},
		{"source=vol,target=/data,volume-nocopy", `{"Type":"volume","Source":"vol","Target":"/data","VolumeOptions":{"NoCopy":true}}`, ""},
		{"type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=1770", `{"Type":"tmpfs","Target":"/t","TmpfsOptions":{"SizeBytes":1048576,"Mode":1016}}`, ""},
		{"type=bind,src=/a,dst=/b,bind-propagation=rshared", `{"Type":"bind","Source":"/a","Target":"/b","BindOptions":{"Propagation":"rshared"}}`, ""},
		{"type=volume,dst=/v,volume-driver=local,volume-opt=o=bind", `{"Type":"volume","Target":"/v","VolumeOptions":{"DriverConfig":{"Name":"local","Options":{"o":"bind"}}}}`, ""},
		{"type=bind,src=/tmp", "", "target is required"},
		{"type=bind,dst=/x,readonly=maybe", "", "invalid value for readonly: maybe"},
		{"dst=/x,foo=bar", "", "unexpected key 'foo' in 'foo=bar'"},
		{"type=tmpfs,dst=/x,volume-nocopy", "", "cannot mix 'volume-*' options with mount type 'tmpfs'"},
		{"dst=/x,source", "", "invalid field 'source' must be a key=value pair"},
	}
	checkParses(t, tests, func(in string) (string, error) {
		m, err := ParseMount(in)
		got, _ := json.Marshal(m)
		return string(got), err
	})
}

// The outcomes are the reference's for the same -v values: what it refuses
// itself, what it sends as a bind and what as an anonymous volume.
func TestParseVolume(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tests := []struct {
		in, want string
		bind     bool
		err      string
	}{
		{"/tmp:/data:ro", "/tmp:/data:ro", true, ""},
		{"myvol:/data", "myvol:/data", true, ""},
		{"./rel:/data", dir + "/rel:/data", true, ""},
		{"../rel:/data:ro", filepath.Dir(dir) + "/rel:/data:ro", true, ""},
		{".:/data", dir + ":/data", true, ""},
		{"~/x:/data", "~/x:/data", true, ""},
		{"/x:/y:bogus", "/x:/y:bogus", true, ""}, // the daemon refuses the mode
		{"c:/x:/y", "c:/x:/y", true, ""},         // a drive letter is no separator
		{"a:/b:c:d:e", "a:/b:c:d:e", true, ""},   // nor in the target
		{"/anon", "/anon", false, ""},
		{"a:b", "a:b", false, ""},
		{"é:/x", "é:/x", false, ""},
		{":", ":", false, ""}, // one or two characters are a path
		{"a:", "a:", false, ""},
		{" ", " ", false, ""},
		{"", "", false, "invalid empty volume spec"},
		{":/volume", "", false, "invalid spec: :/volume: empty section between colons"},
		{"/a:", "", false, "invalid spec: /a:: empty section between colons"},
		{"/x::ro", "", false, "invalid spec: /x::ro: empty section between colons"},
		{":::", "", false, "invalid spec: :::: empty section between colons"},
		{"/x:/y:ro:z", "", false, "invalid spec: /x:/y:ro:z: too many colons"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, bind, err := ParseVolume(tc.in)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want || bind != tc.bind {
				t.Errorf("got %q bind=%v err=%v, want %q bind=%v", got, bind, err, tc.want, tc.bind)
			}
		})
	}
}

func TestReadEnvFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "env")
	data := "\xef\xbb\xbfA=1\n# comment\n\n   B=two words \nKNOWN\nUNKNOWN\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	lookup := func(k string) (string, bool) {
		if k == "KNOWN" {
			return "k", true
		}
		return "", false
	}
	got, err := ReadEnvFile(path, lookup)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A=1", "B=two words ", "KNOWN=k"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

}

func TestReadEnvFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, data, want string
	}{
		{"space", "MY VAR=1\n", "invalid env file (%s): variable 'MY VAR' contains whitespaces"},
		{"noname", "=x\n", "invalid env file (%s): no variable name on line '=x'"},
		{"utf8", "\xff=1\n", "invalid env file (%s): invalid utf8 bytes at line 1: [255 61 49]"},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := ReadEnvFile(path, nil)
		if want := fmt.Sprintf(tc.want, path); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", tc.name, err, want)
		}
	}
	// Opening is reported unwrapped; reading a directory is a file error.
	if _, err := ReadEnvFile(filepath.Join(dir, "missing"), nil); err == nil || strings.HasPrefix(err.Error(), "invalid env file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadEnvFile(dir, nil); err == nil || !strings.HasPrefix(err.Error(), "invalid env file ("+dir+"): read ") {
		t.Errorf("directory: %v", err)
	}
}

func TestValidateEnv(t *testing.T) {
	t.Setenv("HX_OPTS_SET", "v")
	for in, want := range map[string]string{
		"A=1": "A=1", "A=": "A=", "HX_OPTS_SET": "HX_OPTS_SET=v", "HX_OPTS_UNSET_XYZ": "HX_OPTS_UNSET_XYZ",
	} {
		if got, err := ValidateEnv(in); err != nil || got != want {
			t.Errorf("ValidateEnv(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "=x"} {
		if _, err := ValidateEnv(in); err == nil || err.Error() != "invalid environment variable: "+in {
			t.Errorf("ValidateEnv(%q): %v", in, err)
		}
	}
}

func TestValidateExtraHost(t *testing.T) {
	tests := map[string]string{
		"foo:1.2.3.4": "foo:1.2.3.4", "foo=1.2.3.4": "foo:1.2.3.4", "foo=::1": "foo:::1",
		"foo=[::1]": "foo:::1", "gw:host-gateway": "gw:host-gateway",
	}
	for in, want := range tests {
		if got, err := ValidateExtraHost(in); err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ValidateExtraHost("foo"); err == nil || err.Error() != `bad format for add-host: "foo"` {
		t.Errorf("no address: %v", err)
	}
}

func TestSizesAndCPUs(t *testing.T) {
	var m MemBytes
	if err := m.Set("64m"); err != nil || m.Value() != 64<<20 {
		t.Errorf("64m = %d, %v", m.Value(), err)
	}
	if err := m.Set("12x"); err == nil || err.Error() != "invalid suffix: 'x'" {
		t.Errorf("bad suffix: %v", err)
	}
	var s MemSwapBytes
	if err := s.Set("-1"); err != nil || s.Value() != -1 {
		t.Errorf("-1 = %d, %v", s.Value(), err)
	}
	var c NanoCPUs
	if err := c.Set("1.5"); err != nil || c.Value() != 1_500_000_000 {
		t.Errorf("1.5 = %d, %v", c.Value(), err)
	}
	if err := c.Set("0.0000000001"); err == nil || err.Error() != "value is too precise" {
		t.Errorf("too precise: %v", err)
	}
	var u Ulimits
	u.Set("nproc=5")
	u.Set("nofile=1024:2048")
	u.Set("nofile=10:20")
	if got := u.Values(); len(got) != 2 || *got[0] != (engine.Ulimit{Name: "nofile", Soft: 10, Hard: 20}) ||
		*got[1] != (engine.Ulimit{Name: "nproc", Soft: 5, Hard: 5}) {
		t.Errorf("ulimits %v", got)
	}
}

// Help shows "(default ...)" only where the reference does.
func TestHelpDefaults(t *testing.T) {
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.Var(NewList(nil), "plain", "")
	fs.Var(NewListShowEmpty(nil), "device", "")
	fs.Var(NewMap(nil), "sysctl", "")
	fs.Var(new(MemBytes), "memory", "")
	fs.Var(new(NanoCPUs), "cpus", "")
	fs.Var(new(Ulimits), "ulimit", "")
	for name, want := range map[string]string{
		"plain": "", "device": "[]", "sysctl": "map[]", "memory": "0", "cpus": "", "ulimit": "[]",
	} {
		if got := fs.Lookup(name).DefValue; got != want {
			t.Errorf("--%s default %q, want %q", name, got, want)
		}
	}
}

func TestParseRestartPolicy(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want engine.RestartPolicy
		err  string
	}{
		{"always", engine.RestartPolicy{Name: "always"}, ""},
		{"on-failure:3", engine.RestartPolicy{Name: "on-failure", MaximumRetryCount: 3}, ""},
		{"on-failure:", engine.RestartPolicy{Name: "on-failure"}, ""},
		{":3", engine.RestartPolicy{}, "invalid restart policy format: no policy provided before colon"},
		{"on-failure:x", engine.RestartPolicy{}, "invalid restart policy format: maximum retry count must be an integer"},
	} {
		got, err := ParseRestartPolicy(tc.in)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: err %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: got %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestHealthConfig(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   Health
		want string // JSON of the config
		err  string
	}{
		{"nothing given keeps the image's", Health{}, "null", ""},
		{"disabled", Health{Disable: true}, `{"Test":["NONE"]}`, ""},
		{"command and timings", Health{Cmd: "true", Interval: time.Second, Retries: 2}, `{"Test":["CMD-SHELL","true"],"Interval":1000000000,"Retries":2}`, ""},
		{"timings only keep the image's command", Health{Timeout: time.Second}, `{"Timeout":1000000000}`, ""},
		{"disabled with a command", Health{Disable: true, Cmd: "x"}, "", "--no-healthcheck conflicts with --health-* options"},
		{"negative", Health{StartPeriod: -time.Second}, "", "--health-start-period cannot be negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.in.Config()
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			got, _ := json.Marshal(c)
			if err != nil || string(got) != tc.want {
				t.Errorf("got %s, %v; want %s", got, err, tc.want)
			}
		})
	}
}

func TestParseDeviceLimits(t *testing.T) {
	if w, err := ParseWeightDevice("/dev/sda:100"); err != nil || w.String() != "/dev/sda:100" {
		t.Errorf("weight: %v, %v", w, err)
	}
	if _, err := ParseWeightDevice("/dev/sda:5"); err == nil || err.Error() != "invalid weight for device: /dev/sda:5" {
		t.Errorf("weight out of range: %v", err)
	}
	if d, err := ParseThrottleBps("/dev/sda:1mb"); err != nil || d.String() != "/dev/sda:1048576" {
		t.Errorf("bps: %v, %v", d, err)
	}
	if _, err := ParseThrottleIOps("/dev/sda:1mb"); err == nil || !strings.HasPrefix(err.Error(), "invalid rate for device: /dev/sda:1mb.") {
		t.Errorf("iops with a unit: %v", err)
	}
	if _, err := ParseThrottleBps("sda:1"); err == nil || err.Error() != "bad format: sda:1" {
		t.Errorf("not a device path: %v", err)
	}
}
