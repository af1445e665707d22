package image

import (
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

func TestPrune(t *testing.T) {
	reply := map[string]clitest.Reply{"POST /images/prune": {Body: `{"ImagesDeleted":[{"Untagged":"a:1"},{"Deleted":"sha256:1"}],"SpaceReclaimed":1500}`}}
	const report = "Deleted Images:\nuntagged: a:1\ndeleted: sha256:1\n\nTotal reclaimed space: 1.5kB\n"
	cases := []struct {
		name, stdin string
		args        []string
		out, query  string
	}{
		{"dangling, confirmed", "y\n", nil,
			"WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] " + report,
			"filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D"},
		{"all, declined", "", []string{"-a"},
			"WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ", ""},
		{"all, forced, filtered", "", []string{"-a", "-f", "--filter", "label=x"}, report,
			"filters=%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%2C%22label%22%3A%7B%22x%22%3Atrue%7D%7D"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: reply}
			r := clitest.Run(t, e, clitest.Options{Stdin: tc.stdin}, newPruneCommand, tc.args...)
			if r.RunErr != nil || r.Out != tc.out {
				t.Fatalf("err %v out %q", r.RunErr, r.Out)
			}
			reqs := e.Requests()
			if (tc.query == "") != (len(reqs) == 0) || (len(reqs) == 1 && reqs[0].Query != tc.query) {
				t.Fatalf("requests %v", e.Lines())
			}
		})
	}
}
