package opts

import (
	"fmt"
	"testing"
)

func TestParsePortConfigs(t *testing.T) {
	cases := []parseCase{
		{"80", "[{tcp 80 0 ingress}]", ""},
		{"8080:80/udp", "[{udp 80 8080 ingress}]", ""},
		{"9000-9001:90-91", "[{tcp 90 9000 ingress} {tcp 91 9001 ingress}]", ""},
		{"80-81:90", "[{tcp 90 80 ingress} {tcp 90 81 ingress}]", ""},
		{"target=80,published=8080,protocol=sctp,mode=host", "[{sctp 80 8080 host}]", ""},
		{"mode=host,target=80", "[{tcp 80 0 host}]", ""},
		{"abc", "", "invalid containerPort: abc"},
		{"1.2.3.4:80:80", "", "hostip is not supported"},
		{"80/xyz", "", "invalid proto: xyz"},
		{"target=80,published=x", "", "invalid published port (x): value must be an integer: invalid syntax"},
		{"published=80", "", "missing mandatory field 'target'"},
		{"target=80,mode=foo", "", "invalid publish mode value (foo): must be either 'ingress' or 'host'"},
		{"target=80,protocol=foo", "", "invalid protocol value 'foo'"},
		{"target=80,bogus=1", "", "invalid field key: bogus"},
		{"target=80,published", "", "invalid field: published"},
	}
	checkParses(t, cases, func(in string) (string, error) {
		got, err := ParsePortConfigs(in)
		var s []string
		for _, p := range got {
			s = append(s, fmt.Sprintf("{%s %d %d %s}", p.Protocol, p.TargetPort, p.PublishedPort, p.PublishMode))
		}
		return fmt.Sprint(s), err
	})
}

func TestParseFileRef(t *testing.T) {
	parse := ParseFileRef("secret")
	cases := []parseCase{
		{"s1", "s1 {s1 0 0 292}", ""},
		{"source=s1,target=x,uid=5,gid=6,mode=0400", "s1 {x 5 6 256}", ""},
		{"src=s1", "s1 {s1 0 0 292}", ""},
		{"target=x", "", "source is required"},
		{"source=s1,bogus=1", "", "invalid field in secret request: bogus"},
		{"source=s1,mode=abc", "", `invalid mode specified: strconv.ParseUint: parsing "abc": invalid syntax`},
		{"source=s1,uid", "", "invalid field 'uid' must be a key=value pair"},
		{"s1,x", "", "invalid field 's1' must be a key=value pair"},
	}
	checkParses(t, cases, func(in string) (string, error) {
		r, err := parse(in)
		return fmt.Sprintf("%s {%s %s %s %d}", r.Source, r.File.Name, r.File.UID, r.File.GID, r.File.Mode), err
	})
}

func TestSwarmValues(t *testing.T) {
	if p, err := ParsePlacementPref("spread=node.labels.dc"); err != nil || p.Spread.SpreadDescriptor != "node.labels.dc" {
		t.Errorf("pref: %+v %v", p, err)
	}
	for in, want := range map[string]string{
		"spread":  `placement preference must be of the format "<strategy>=<arg>"`,
		"foo=bar": "unsupported placement preference foo (only spread is supported)",
	} {
		if _, err := ParsePlacementPref(in); err == nil || err.Error() != want {
			t.Errorf("pref %s: %v", in, err)
		}
	}
	if _, err := ValidateGenericResource("gpu"); err == nil || err.Error() != "invalid generic-resource format `gpu` expected `name=value`" {
		t.Errorf("generic: %v", err)
	}
	if g, err := GenericResource("gpu=2"); err != nil || g.DiscreteResourceSpec.Kind != "gpu" || g.DiscreteResourceSpec.Value != 2 {
		t.Errorf("generic: %+v %v", g, err)
	}
	if _, err := GenericResource("gpu=abc"); err == nil || err.Error() != "invalid generic-resource request `gpu=abc`, Named Generic Resources is not supported for service create or update" {
		t.Errorf("named generic: %v", err)
	}
	var c Command
	if err := c.Set(`a 'b c'\ d "e\"f" #x`); err != nil || fmt.Sprintf("%q", c.Words()) != `["a" "b c d" "e\"f"]` {
		t.Errorf("command: %q %v", c.Words(), err)
	}
	if err := c.Set(`a "b`); err == nil || err.Error() != "EOF found when expecting closing quote" {
		t.Errorf("command: %v", err)
	}
	var cs CredentialSpec
	if err := cs.Set("registry://x"); err != nil || cs.Kind != "registry" || cs.Value != "x" {
		t.Errorf("credspec: %+v %v", cs, err)
	}
	if err := cs.Set("bogus"); err == nil || err.Error() != `invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"` {
		t.Errorf("credspec: %v", err)
	}
	if NormalizeCapability("net_admin") != "CAP_NET_ADMIN" || NormalizeCapability("all") != "ALL" || NormalizeCapability("CAP_X") != "CAP_X" {
		t.Error("capabilities")
	}
}
