package image

import (
	"net/http"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

func TestTag(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		status  int
		body    string
		wantReq string // method path?query
		wantErr string
	}{
		{name: "target normalized, default tag", args: []string{"compat-busybox", "hx-t/x"},
			wantReq: "POST /images/compat-busybox/tag?repo=docker.io%2Fhx-t%2Fx&tag=latest"},
		{name: "source kept as typed", args: []string{"busybox:1", "127.0.0.1:5055/x:2"},
			wantReq: "POST /images/busybox:1/tag?repo=127.0.0.1%3A5055%2Fx&tag=2"},
		{name: "source by full ID", args: []string{"sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a", "x"},
			wantReq: "POST /images/sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a/tag?repo=docker.io%2Flibrary%2Fx&tag=latest"},
		{name: "daemon error", args: []string{"hx-missing", "hx-x"}, status: http.StatusNotFound,
			body:    `{"message":"No such image: hx-missing:latest"}`,
			wantReq: "POST /images/hx-missing/tag?repo=docker.io%2Flibrary%2Fhx-x&tag=latest",
			wantErr: "Error response from daemon: No such image: hx-missing:latest"},
		{name: "bad target", args: []string{"a", "Hx"},
			wantErr: `Error parsing reference: "Hx" is not a valid repository/tag: invalid reference format: repository name (library/Hx) must be lowercase`},
		{name: "bad source", args: []string{"Compat", "x"},
			wantErr: `Error parsing reference: "Compat" is not a valid repository/tag: invalid reference format: repository name (library/Compat) must be lowercase`},
		{name: "empty tag", args: []string{"a", "hx:"},
			wantErr: `Error parsing reference: "hx:" is not a valid repository/tag: invalid reference format`},
		{name: "digest target", args: []string{"a", "a@sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"},
			wantErr: "refusing to create a tag with a digest reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status := tt.status
			if status == 0 {
				status = http.StatusCreated
			}
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/" + tt.args[0] + "/tag": {Status: status, Body: tt.body}}}
			r := clitest.Run(t, e, clitest.Options{}, newTagCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if r.Out != "" {
				t.Errorf("stdout = %q, want nothing", r.Out)
			}
			checkRequests(t, e, tt.wantReq)
		})
	}
}

// checkRequests compares the engine's requests, as "METHOD path?query", with want.
func checkRequests(t *testing.T, e *clitest.Engine, want ...string) {
	t.Helper()
	got := e.Lines()
	if len(want) == 1 && want[0] == "" {
		want = nil
	}
	if len(got) != len(want) {
		t.Fatalf("requests = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("request %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestRemove(t *testing.T) {
	replies := map[string]clitest.Reply{
		"DELETE /images/hx:1": {Body: `[{"Untagged":"hx:1"}]`},
		"DELETE /images/hx:2": {Body: `[{"Untagged":"hx:2"},{"Deleted":"sha256:aa"},{"Deleted":"sha256:bb"}]`},
		"DELETE /images/busy": {Status: 409, Body: `{"message":"conflict: unable to remove repository reference \"busy\""}`},
		"DELETE /images/nope": clitest.NotFound("No such image: nope"),
		"DELETE /images/gone": clitest.NotFound("No such image: gone"),
	}
	tests := []struct {
		name              string
		args              []string
		wantReqs          []string
		wantOut, wantErrS string
		wantErr           string
	}{
		{name: "untagged and deleted, in order", args: []string{"hx:1", "hx:2"},
			wantReqs: []string{"DELETE /images/hx:1", "DELETE /images/hx:2"},
			wantOut:  "Untagged: hx:1\nUntagged: hx:2\nDeleted: sha256:aa\nDeleted: sha256:bb\n"},
		{name: "errors joined, others still removed", args: []string{"nope", "hx:1", "busy"},
			wantReqs: []string{"DELETE /images/nope", "DELETE /images/hx:1", "DELETE /images/busy"},
			wantOut:  "Untagged: hx:1\n",
			wantErr:  "Error response from daemon: No such image: nope\nError response from daemon: conflict: unable to remove repository reference \"busy\""},
		{name: "force: not found printed, not failed", args: []string{"-f", "--no-prune", "nope"},
			wantReqs: []string{"DELETE /images/nope?force=1&noprune=1"},
			wantErrS: "Error response from daemon: No such image: nope\n"},
		{name: "force: other errors still fail", args: []string{"-f", "busy"},
			wantReqs: []string{"DELETE /images/busy?force=1"},
			wantErr:  "Error response from daemon: conflict: unable to remove repository reference \"busy\""},
		{name: "force: a failure makes missing images errors too, in order", args: []string{"-f", "nope", "busy", "hx:1", "gone"},
			wantReqs: []string{"DELETE /images/nope?force=1", "DELETE /images/busy?force=1", "DELETE /images/hx:1?force=1", "DELETE /images/gone?force=1"},
			wantOut:  "Untagged: hx:1\n",
			wantErr: "Error response from daemon: No such image: nope\n" +
				"Error response from daemon: conflict: unable to remove repository reference \"busy\"\n" +
				"Error response from daemon: No such image: gone"},
		{name: "force: missing images reported together", args: []string{"-f", "nope", "gone"},
			wantReqs: []string{"DELETE /images/nope?force=1", "DELETE /images/gone?force=1"},
			wantErrS: "Error response from daemon: No such image: nope\nError response from daemon: No such image: gone\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: replies}
			r := clitest.Run(t, e, clitest.Options{}, newRemoveCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if r.Out != tt.wantOut || r.Err != tt.wantErrS {
				t.Errorf("stdout = %q, stderr = %q; want %q, %q", r.Out, r.Err, tt.wantOut, tt.wantErrS)
			}
			checkRequests(t, e, tt.wantReqs...)
		})
	}
}

// TestRemoveForceReportsAfterOutput checks that with --force the missing
// images are reported after everything removed, as the reference does.
func TestRemoveForceReportsAfterOutput(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"DELETE /images/hx:1": {Body: `[{"Untagged":"hx:1"}]`},
		"DELETE /images/nope": clitest.NotFound("No such image: nope"),
	}}
	r := clitest.Run(t, e, clitest.Options{Combined: true}, newRemoveCommand, "-f", "nope", "hx:1")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	if want := "Untagged: hx:1\nError response from daemon: No such image: nope\n"; r.Out != want {
		t.Errorf("output = %q, want %q", r.Out, want)
	}
}
