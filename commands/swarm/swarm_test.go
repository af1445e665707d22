package swarm

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const (
	nodeReply  = `{"ID":"n1","ManagerStatus":{"Leader":true,"Addr":"10.0.0.1:2377"}}`
	swarmReply = `{"ID":"c1","Version":{"Index":12},"Spec":{"Name":"default","Labels":{},"Orchestration":{"TaskHistoryRetentionLimit":5},` +
		`"Raft":{"SnapshotInterval":10000,"KeepOldSnapshots":0,"LogEntriesForSlowFollowers":500,"ElectionTick":10,"HeartbeatTick":1},` +
		`"Dispatcher":{"HeartbeatPeriod":5000000000},"CAConfig":{"NodeCertExpiry":7776000000000000},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":false}},` +
		`"TLSInfo":{"TrustRoot":"ROOT\n"},"JoinTokens":{"Worker":"SWMTKN-w","Manager":"SWMTKN-m"}}`
	workerJoin = "To add a worker to this swarm, run the following command:\n\n    docker swarm join --token SWMTKN-w 10.0.0.1:2377\n\n"
	unlockText = "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\ncommand and provide the following key:\n\n    SWMKEY-1-k\n\n" +
		"Remember to store this key in a password manager, since without it you\nwill not be able to restart the manager.\n"
	emptySpec = `"Spec":{"Labels":null,"Orchestration":{},"Raft":{"ElectionTick":0,"HeartbeatTick":0},"Dispatcher":{},"CAConfig":{},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":false}}`
)

func fakeSwarm() *clitest.Engine {
	return &clitest.Engine{Replies: map[string]clitest.Reply{
		"POST /swarm/init":     {Body: `"n1"`},
		"GET /nodes/n1":        {Body: nodeReply},
		"GET /swarm":           {Body: swarmReply},
		"GET /swarm/unlockkey": {Body: `{"UnlockKey":"SWMKEY-1-k"}`},
		"POST /swarm/update":   {},
		"GET /info":            {Body: `{"Swarm":{"NodeID":"n1","LocalNodeState":"active","ControlAvailable":true}}`},
	}}
}

func TestInit(t *testing.T) {
	cases := []struct {
		args      []string
		body, out string
	}{
		{nil, `{"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"","DataPathAddr":"","DataPathPort":0,"ForceNewCluster":false,` + emptySpec +
			`,"AutoLockManagers":false,"Availability":"","DefaultAddrPool":[],"SubnetSize":24}`,
			"Swarm initialized: current node (n1) is now a manager.\n\n" + workerJoin +
				"To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n"},
		{[]string{"--listen-addr", ":3000", "--advertise-addr", "eth0", "--availability", "DRAIN", "--autolock", "--default-addr-pool", "10.20.1.0/16",
			"--task-history-limit", "3", "--max-snapshots", "2", "--cert-expiry", "1h", "--external-ca", "protocol=cfssl,url=https://ca,a=b"},
			`{"ListenAddr":"0.0.0.0:3000","AdvertiseAddr":"eth0","DataPathAddr":"","DataPathPort":0,"ForceNewCluster":false,` +
				`"Spec":{"Labels":null,"Orchestration":{"TaskHistoryRetentionLimit":3},"Raft":{"KeepOldSnapshots":2,"ElectionTick":0,"HeartbeatTick":0},"Dispatcher":{},` +
				`"CAConfig":{"NodeCertExpiry":3600000000000,"ExternalCAs":[{"Protocol":"cfssl","URL":"https://ca","Options":{"a":"b"},"CACert":""}]},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":true}},` +
				`"AutoLockManagers":true,"Availability":"drain","DefaultAddrPool":["10.20.0.0/16"],"SubnetSize":24}`,
			"Swarm initialized: current node (n1) is now a manager.\n\n" + workerJoin +
				"To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n" + unlockText},
	}
	for _, tc := range cases {
		e := fakeSwarm()
		r := clitest.Run(t, e, clitest.Options{}, newInitCommand, tc.args...)
		if r.RunErr != nil || r.Out != tc.out || e.Requests()[0].Body != tc.body {
			t.Errorf("%v: err %v out\n%q\nbody %s", tc.args, r.RunErr, r.Out, e.Requests()[0].Body)
		}
	}
}

func TestFlagValues(t *testing.T) {
	cases := []struct{ args, err string }{
		{"--listen-addr udp://1.2.3.4:5", `invalid argument "udp://1.2.3.4:5" for "--listen-addr" flag: invalid proto, expected tcp: udp://1.2.3.4:5`},
		{"--listen-addr [::1]", `invalid argument "[::1]" for "--listen-addr" flag: invalid bind address format: [::1]`},
		{"--listen-addr bogus:x", `invalid argument "bogus:x" for "--listen-addr" flag: parse "tcp://bogus:x": invalid port ":x" after host`},
		{"--external-ca url=x", `invalid argument "url=x" for "--external-ca" flag: the external-ca option needs a protocol= parameter`},
		{"--external-ca protocol=cfssl", `invalid argument "protocol=cfssl" for "--external-ca" flag: the external-ca option needs a url= parameter`},
		{"--external-ca protocol=foo,url=x", `invalid argument "protocol=foo,url=x" for "--external-ca" flag: unrecognized external CA protocol foo`},
		{"--external-ca protocol=cfssl,url=x,a", `invalid argument "protocol=cfssl,url=x,a" for "--external-ca" flag: invalid field 'a' must be a key=value pair`},
		{"--availability bogus", `invalid availability "bogus", only active, pause and drain are supported`},
	}
	for _, tc := range cases {
		r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newInitCommand, strings.Fields(tc.args)...)
		if r.ErrText() != tc.err {
			t.Errorf("%s: got %q", tc.args, r.ErrText())
		}
	}
}

func TestJoinToken(t *testing.T) {
	cases := []struct {
		args     []string
		out, err string
		update   string
	}{
		{[]string{"worker"}, workerJoin, "", ""},
		{[]string{"-q", "manager"}, "SWMTKN-m\n", "", ""},
		{[]string{"--rotate", "worker"}, "Successfully rotated worker join token.\n\n" + workerJoin, "",
			"rotateManagerToken=false&rotateManagerUnlockKey=false&rotateWorkerToken=true&version=12"},
		{[]string{"--rotate", "-q", "manager"}, "SWMTKN-m\n", "", "rotateManagerToken=true&rotateManagerUnlockKey=false&rotateWorkerToken=false&version=12"},
		{[]string{"foo"}, "", "unknown role foo", ""},
	}
	for _, tc := range cases {
		e := fakeSwarm()
		r := clitest.Run(t, e, clitest.Options{}, newJoinTokenCommand, tc.args...)
		if r.Out != tc.out || r.ErrText() != tc.err {
			t.Errorf("%v: out %q err %q", tc.args, r.Out, r.ErrText())
		}
		var update string
		for _, req := range e.Requests() {
			if req.Path == "/swarm/update" {
				update = req.Query
			}
		}
		if update != tc.update {
			t.Errorf("%v: update %q", tc.args, update)
		}
	}
}

func TestUpdate(t *testing.T) {
	e := fakeSwarm()
	r := clitest.Run(t, e, clitest.Options{}, newUpdateCommand, "--autolock", "--snapshot-interval", "9", "--external-ca", "protocol=cfssl,url=u")
	if r.RunErr != nil || r.Out != "Swarm updated.\n"+unlockText {
		t.Fatalf("err %v out %q", r.RunErr, r.Out)
	}
	want := `{"Name":"default","Labels":{},"Orchestration":{"TaskHistoryRetentionLimit":5},"Raft":{"SnapshotInterval":9,"KeepOldSnapshots":0,"LogEntriesForSlowFollowers":500,"ElectionTick":10,"HeartbeatTick":1},` +
		`"Dispatcher":{"HeartbeatPeriod":5000000000},"CAConfig":{"NodeCertExpiry":7776000000000000,"ExternalCAs":[{"Protocol":"cfssl","URL":"u","CACert":"ROOT\n"}]},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":true}}`
	if got := e.Requests()[1]; got.Body != want || got.Query != "rotateManagerToken=false&rotateManagerUnlockKey=false&rotateWorkerToken=false&version=12" {
		t.Fatalf("update %s\n%s", got.Query, got.Body)
	}
	// No flag: the help, and no request.
	e = fakeSwarm()
	r = clitest.Run(t, e, clitest.Options{}, newUpdateCommand)
	if !strings.Contains(r.Out, "--task-history-limit") || len(e.Requests()) != 0 {
		t.Fatalf("no flags: %q %v", r.Out, e.Lines())
	}
}

func TestCA(t *testing.T) {
	r := clitest.Run(t, fakeSwarm(), clitest.Options{}, newCACommand)
	if r.Out != "ROOT\n" {
		t.Fatalf("ca: %q", r.Out)
	}
	r = clitest.Run(t, fakeSwarm(), clitest.Options{}, newCACommand, "--cert-expiry", "1h")
	if r.ErrText() != "`--cert-expiry` flag requires the `--rotate` flag to update the CA" {
		t.Fatalf("ca --cert-expiry: %q", r.ErrText())
	}
	r = clitest.Run(t, fakeSwarm(), clitest.Options{}, newCACommand, "--rotate", "-d", "--external-ca", "protocol=cfssl,url=u")
	if !strings.HasPrefix(r.ErrText(), "rotating to an external CA requires the `--ca-cert` flag") {
		t.Fatalf("ca --external-ca: %q", r.ErrText())
	}
	e := fakeSwarm()
	r = clitest.Run(t, e, clitest.Options{}, newCACommand, "--rotate", "-d")
	if r.RunErr != nil || r.Out != "" || !strings.Contains(e.Requests()[1].Body, `"CAConfig":{"NodeCertExpiry":7776000000000000,"ForceRotate":1}`) {
		t.Fatalf("ca --rotate -d: %v %q %v", r.RunErr, r.Out, e.Requests())
	}
}

func TestUnlock(t *testing.T) {
	for state, want := range map[string]string{
		"inactive": "Error: This node is not part of a swarm",
		"active":   "Error: swarm is not locked",
		"locked":   "",
	} {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{
			"GET /info":          {Body: `{"Swarm":{"LocalNodeState":"` + state + `"}}`},
			"POST /swarm/unlock": {},
		}}
		r := clitest.Run(t, e, clitest.Options{Stdin: "SWMKEY-1-k\n"}, newUnlockCommand)
		if r.ErrText() != want || r.Out != "" {
			t.Errorf("%s: %q %q", state, r.ErrText(), r.Out)
		}
		if state == "locked" && e.Requests()[1].Body != `{"UnlockKey":"SWMKEY-1-k"}` {
			t.Errorf("unlock body %s", e.Requests()[1].Body)
		}
	}
}
