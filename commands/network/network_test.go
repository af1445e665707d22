package network

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const netList = `[
 {"Name":"net10","Id":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","Created":"2026-01-02T03:04:05.5Z","Scope":"local","Driver":"bridge","Internal":true,"Labels":{"z":"1","a":"2"}},
 {"Name":"net2","Id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","Created":"2026-01-02T03:04:05Z","Scope":"local","Driver":"bridge","Labels":{}}
]`

func TestList(t *testing.T) {
	cases := []struct {
		name string
		args []string
		cfg  string
		want string
	}{
		{"table in natural order, truncated IDs", nil, "",
			"NETWORK ID     NAME      DRIVER    SCOPE\naaaaaaaaaaaa   net2      bridge    local\nbbbbbbbbbbbb   net10     bridge    local\n"},
		{"quiet", []string{"-q"}, "", "aaaaaaaaaaaa\nbbbbbbbbbbbb\n"},
		{"quiet no-trunc", []string{"-q", "--no-trunc"}, "", strings.Repeat("a", 64) + "\n" + strings.Repeat("b", 64) + "\n"},
		{"custom format wins over quiet", []string{"-q", "--format", "{{.Name}}"}, "", "net2\nnet10\n"},
		{"fields", []string{"--format", "{{.Name}} {{.Internal}} {{.IPv6}} {{.IPv4}} {{.Labels}} {{.Label \"a\"}} {{.CreatedAt}}"}, "",
			"net2 false false false   2026-01-02 03:04:05 +0000 UTC\nnet10 true false false a=2,z=1 2 2026-01-02 03:04:05.5 +0000 UTC\n"},
		{"json keys", []string{"--format", "json", "-f", "name=net2"}, "",
			`{"CreatedAt":"2026-01-02 03:04:05 +0000 UTC","Driver":"bridge","ID":"aaaaaaaaaaaa","IPv4":"false","IPv6":"false","Internal":"false","Labels":"","Name":"net2","Scope":"local"}` + "\n{\"CreatedAt\":\"2026-01-02 03:04:05.5 +0000 UTC\",\"Driver\":\"bridge\",\"ID\":\"bbbbbbbbbbbb\",\"IPv4\":\"false\",\"IPv6\":\"false\",\"Internal\":\"true\",\"Labels\":\"a=2,z=1\",\"Name\":\"net10\",\"Scope\":\"local\"}\n"},
		{"every column's title", []string{"--format", "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Internal}}\t{{.Labels}}\t{{.CreatedAt}}", "-f", "name=net2"}, "",
			"NETWORK ID     NAME      DRIVER    SCOPE     IPV4      IPV6      INTERNAL   LABELS    CREATED AT\n" +
				"aaaaaaaaaaaa   net2      bridge    local     false     false     false                2026-01-02 03:04:05 +0000 UTC\n" +
				"bbbbbbbbbbbb   net10     bridge    local     false     false     true       a=2,z=1   2026-01-02 03:04:05.5 +0000 UTC\n"},
		{"config networksFormat", nil, `{"networksFormat":"{{.Driver}}/{{.Name}}"}`, "bridge/net2\nbridge/net10\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /networks": {Body: netList}}}
			r := clitest.Run(t, e, clitest.Options{Config: tc.cfg}, newListCommand, tc.args...)
			if r.RunErr != nil || r.Out != tc.want {
				t.Fatalf("err %v, out:\n%q\nwant:\n%q", r.RunErr, r.Out, tc.want)
			}
		})
	}
}

func TestListFilterAndTemplateErrors(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /networks": {Body: netList}}}
	r := clitest.Run(t, e, clitest.Options{}, newListCommand, "-f", "driver=bridge", "--format", "{{.Nope}}")
	want := `template parsing error: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *network.networkContext`
	if r.ErrText() != want || r.Out != "" {
		t.Fatalf("got %q / %q", r.ErrText(), r.Out)
	}
	if got := e.Lines(); len(got) != 1 || got[0] != "GET /networks?filters=%7B%22driver%22%3A%7B%22bridge%22%3Atrue%7D%7D" {
		t.Fatalf("requests %v", got)
	}
	// An empty filter is ignored, as the reference does.
	e = &clitest.Engine{Replies: map[string]clitest.Reply{"GET /networks": {Body: netList}}}
	r = clitest.Run(t, e, clitest.Options{}, newListCommand, "-f", "", "-q")
	if got := e.Lines(); r.RunErr != nil || len(got) != 1 || got[0] != "GET /networks" {
		t.Fatalf("empty filter: %v, requests %v", r.RunErr, got)
	}
	e = &clitest.Engine{}
	r = clitest.Run(t, e, clitest.Options{}, newListCommand, "--format", "{{")
	if !strings.HasPrefix(r.ErrText(), "template parsing error: ") || len(e.Requests()) != 0 {
		t.Fatalf("bad template: %q, %d requests", r.ErrText(), len(e.Requests()))
	}
}

func TestCreateBody(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"defaults", []string{"n1"},
			`{"Driver":"bridge","Scope":"","IPAM":{"Driver":"default","Options":{},"Config":[]},"Internal":false,"Attachable":false,"Ingress":false,"ConfigOnly":false,"ConfigFrom":null,"Options":{},"Labels":{},"Name":"n1","CheckDuplicate":true}`},
		{"everything", []string{"--subnet", "10.5.0.0/16", "--subnet", "10.6.0.0/16", "--gateway", "10.6.0.1", "--ip-range", "10.5.1.0/24",
			"--aux-address", "h=10.5.0.9", "--label", "a=b", "--label", "c", "-o", "k=v", "--ipam-opt", "q=r", "--internal", "--attachable",
			"--ipv6", "--ipv4=false", "-d", "macvlan", "--scope", "local", "--config-from", "base", "n2"},
			`{"Driver":"macvlan","Scope":"local","EnableIPv4":false,"EnableIPv6":true,"IPAM":{"Driver":"default","Options":{"q":"r"},"Config":[{"Subnet":"10.5.0.0/16","IPRange":"10.5.1.0/24","AuxiliaryAddresses":{"h":"10.5.0.9"}},{"Subnet":"10.6.0.0/16","Gateway":"10.6.0.1"}]},"Internal":true,"Attachable":true,"Ingress":false,"ConfigOnly":false,"ConfigFrom":{"Network":"base"},"Options":{"k":"v"},"Labels":{"a":"b","c":""},"Name":"n2","CheckDuplicate":true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /networks/create": {Status: 201, Body: `{"Id":"abc","Warning":""}`}}}
			r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, tc.args...)
			if r.RunErr != nil || r.Out != "abc\n" {
				t.Fatalf("err %v out %q", r.RunErr, r.Out)
			}
			if got := e.Requests()[0].Body; got != tc.want {
				t.Fatalf("body\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestIPAMConfigErrors(t *testing.T) {
	cases := []struct {
		subnets, ranges, gateways []string
		aux                       map[string]string
		want                      string
	}{
		{nil, nil, []string{"10.1.0.1"}, nil, "every ip-range or gateway must have a corresponding subnet"},
		{[]string{"10.1.0.0/16"}, nil, []string{"10.2.0.1"}, nil, "no matching subnet for gateway 10.2.0.1"},
		{[]string{"10.1.0.0/16"}, []string{"10.2.0.0/24"}, nil, nil, "no matching subnet for range 10.2.0.0/24"},
		{[]string{"10.1.0.0/16", "10.1.1.0/24"}, nil, nil, nil, "multiple overlapping subnet configuration is not supported"},
		{[]string{"10.1.0.0/16"}, nil, nil, map[string]string{"h": "10.9.0.1"}, "no matching subnet for aux-address 10.9.0.1"},
		{[]string{"10.1.0.0/16", "10.2.0.0/16"}, nil, []string{"10.1.0.1", "10.1.0.2"}, nil, "cannot configure multiple gateways (10.1.0.2, 10.1.0.1) for the same subnet (10.1.0.0/16)"},
		{[]string{"10.1.0.0/16", "10.2.0.0/16"}, []string{"10.1.1.0/24", "10.1.2.0/24"}, nil, nil, "cannot configure multiple ranges (10.1.2.0/24, 10.1.1.0/24) on the same subnet (10.1.0.0/16)"},
		{[]string{"10.1.0.0/16"}, nil, []string{"bogus"}, nil, "no matching subnet for gateway bogus"},
		{[]string{"10.1.0.0/16"}, nil, nil, map[string]string{"h": "bogus"}, "no matching subnet for aux-address bogus"},
		{[]string{"10.1.0.0/16"}, []string{"bogus"}, nil, nil, "invalid CIDR address: bogus"},
	}
	for _, tc := range cases {
		_, err := ipamConfig(tc.subnets, tc.ranges, tc.gateways, tc.aux)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v %v %v: got %v, want %q", tc.subnets, tc.ranges, tc.gateways, err, tc.want)
		}
	}
	// A single subnet is the daemon's to validate.
	if pools, err := ipamConfig([]string{"bogus"}, nil, nil, nil); err != nil || len(pools) != 1 {
		t.Errorf("lone bad subnet: %v %v", pools, err)
	}
}

func TestRemove(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /networks/n1":      {Body: `{"Name":"n1","Ingress":false}`},
		"DELETE /networks/n1":   {Status: 204},
		"GET /networks/nope":    {Status: 404, Body: `{"message":"network nope not found"}`},
		"DELETE /networks/nope": {Status: 404, Body: `{"message":"network nope not found"}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newRemoveCommand, "n1", "nope")
	if r.Out != "n1\n" || r.Err != "Error response from daemon: network nope not found\n" || r.ErrText() != "exit status 1" {
		t.Fatalf("got %q %q %q", r.Out, r.Err, r.ErrText())
	}
	r = clitest.Run(t, e, clitest.Options{}, newRemoveCommand, "-f", "nope")
	if r.Out != "" || r.Err != "" || r.RunErr != nil {
		t.Fatalf("-f: got %q %q %v", r.Out, r.Err, r.RunErr)
	}
}

func TestConnectBody(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /networks/n/connect": {}}}
	r := clitest.Run(t, e, clitest.Options{}, newConnectCommand, "--alias", "a1", "--ip", "10.0.0.9", "--link", "c2:l", "--driver-opt", "k=v", "n", "c1")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	var body struct {
		Container      string
		EndpointConfig map[string]json.RawMessage
	}
	if err := json.Unmarshal([]byte(e.Requests()[0].Body), &body); err != nil {
		t.Fatal(err)
	}
	got := body.Container + " " + string(body.EndpointConfig["IPAMConfig"]) + " " + string(body.EndpointConfig["Aliases"]) +
		" " + string(body.EndpointConfig["Links"]) + " " + string(body.EndpointConfig["DriverOpts"])
	if want := `c1 {"IPv4Address":"10.0.0.9"} ["a1"] ["c2:l"] {"k":"v"}`; got != want {
		t.Fatalf("got %s", got)
	}
	r = clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newConnectCommand, "--driver-opt", "bad", "n", "c1")
	if r.ErrText() != "invalid key/value pair format in driver options" {
		t.Fatalf("got %q", r.ErrText())
	}
}

func TestPrune(t *testing.T) {
	const warning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] "
	reply := map[string]clitest.Reply{"POST /networks/prune": {Body: `{"NetworksDeleted":["n1","n2"]}`}}
	cases := []struct {
		name, stdin string
		args        []string
		want        string
		requests    int
	}{
		{"declined at end of input", "", nil, warning, 0},
		{"declined", "n\n", nil, warning, 0},
		{"confirmed", "y\n", []string{"--filter", "label=x"}, warning + "Deleted Networks:\nn1\nn2\n\n", 1},
		{"forced", "", []string{"-f"}, "Deleted Networks:\nn1\nn2\n\n", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: reply}
			r := clitest.Run(t, e, clitest.Options{Stdin: tc.stdin}, newPruneCommand, tc.args...)
			if r.RunErr != nil || r.Out != tc.want || len(e.Requests()) != tc.requests {
				t.Fatalf("err %v, %d requests, out %q", r.RunErr, len(e.Requests()), r.Out)
			}
		})
	}
}
