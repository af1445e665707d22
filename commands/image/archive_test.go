package image

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

func TestSave(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.tar")
	tarData := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/get": {Body: "TARDATA"}}}
	r := clitest.Run(t, tarData, clitest.Options{}, newSaveCommand, "-o", out, "a:1", "b")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	checkRequests(t, tarData, "GET /images/get?names=a%3A1&names=b")
	if b, err := os.ReadFile(out); err != nil || string(b) != "TARDATA" {
		t.Errorf("archive = %q, %v", b, err)
	}

	// A failed save leaves no file behind.
	out2 := filepath.Join(dir, "b.tar")
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/get": clitest.NotFound("No such image: x")}}
	r = clitest.Run(t, e, clitest.Options{}, newSaveCommand, "-o", out2, "x")
	if got := r.ErrText(); got != "Error response from daemon: No such image: x" {
		t.Errorf("error = %q", got)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("%s exists after a failed save", out2)
	}

	// Paths are checked before any request.
	e = &clitest.Engine{}
	r = clitest.Run(t, e, clitest.Options{}, newSaveCommand, "-o", dir, "x")
	if got := r.ErrText(); got != "failed to save image: cannot write to a directory" {
		t.Errorf("error = %q", got)
	}
	checkRequests(t, e, "")

	r = clitest.Run(t, tarData, clitest.Options{}, newSaveCommand, "x")
	if r.Out != "TARDATA" || r.RunErr != nil {
		t.Errorf("stdout = %q, err = %v", r.Out, r.RunErr)
	}
}

func TestLoad(t *testing.T) {
	tar := filepath.Join(t.TempDir(), "in.tar")
	os.WriteFile(tar, []byte("TARDATA"), 0o600)
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/load": {Body: `{"stream":"Loaded image: hx:1\n"}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newLoadCommand, "-i", tar)
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	// Not a terminal: the daemon is asked not to draw bars.
	checkRequests(t, e, "POST /images/load?quiet=1")
	if reqs := e.Requests(); reqs[0].Body != "TARDATA" {
		t.Errorf("body = %q", reqs[0].Body)
	}
	if r.Out != "Loaded image: hx:1\n" {
		t.Errorf("stdout = %q", r.Out)
	}
}

func TestImport(t *testing.T) {
	tar := filepath.Join(t.TempDir(), "in.tar")
	os.WriteFile(tar, []byte("TARDATA"), 0o600)
	tests := []struct {
		name     string
		args     []string
		wantReq  string
		wantBody string
		wantErr  string
	}{
		{name: "file with repo, message and changes", args: []string{"-m", "hello", "-c", `CMD ["x"]`, "-c", "ENV A=1", tar, "hx-imp:1"},
			wantReq:  "POST /images/create?changes=CMD+%5B%22x%22%5D&changes=ENV+A%3D1&fromSrc=-&message=hello&repo=hx-imp%3A1",
			wantBody: "TARDATA"},
		{name: "URL fetched by the daemon", args: []string{"http://example.com/x.tar"},
			wantReq: "POST /images/create?fromSrc=http%3A%2F%2Fexample.com%2Fx.tar"},
		{name: "bad repository", args: []string{tar, "Hx"},
			wantErr: "invalid reference format: repository name (library/Hx) must be lowercase"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/create": {Body: `{"status":"sha256:abc"}`}}}
			r := clitest.Run(t, e, clitest.Options{}, newImportCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Fatalf("error = %q, want %q", got, tt.wantErr)
			}
			checkRequests(t, e, tt.wantReq)
			if tt.wantReq == "" {
				return
			}
			if reqs := e.Requests(); reqs[0].Body != tt.wantBody {
				t.Errorf("body = %q, want %q", reqs[0].Body, tt.wantBody)
			}
			if r.Out != "sha256:abc\n" {
				t.Errorf("stdout = %q", r.Out)
			}
		})
	}
}

func TestPlatformNeedsNewerAPI(t *testing.T) {
	// The fake engine speaks API 1.41.
	tests := []struct {
		name string
		cmd  func(*cli.CLI) *cobra.Command
		args []string
		want string
	}{
		{"save", newSaveCommand, []string{"--platform", "linux/amd64", "x"}, `"--platform" requires API version 1.48, but the Docker daemon API version is 1.41`},
		{"push", newPushCommand, []string{"--platform", "linux/amd64", "x"}, `"--platform" requires API version 1.46, but the Docker daemon API version is 1.41`},
		{"rmi", newRemoveCommand, []string{"--platform", "linux/amd64", "x"}, `"--platform" requires API version 1.50, but the Docker daemon API version is 1.41`},
		{"inspect", newInspectCommand, []string{"--platform", "linux/amd64", "x"}, `"--platform" requires API version 1.49, but the Docker daemon API version is 1.41`},
		{"images", newListCommand, []string{"--tree"}, `"--tree" requires API version 1.47, but the Docker daemon API version is 1.41`},
		// The version check comes before every other check of the command.
		{"push bad reference", newPushCommand, []string{"--platform", "linux/amd64", "CX"}, `"--platform" requires API version 1.46, but the Docker daemon API version is 1.41`},
		{"save bad path", newSaveCommand, []string{"--platform", "linux/amd64", "-o", "/nonexistent/x.tar", "x"}, `"--platform" requires API version 1.48, but the Docker daemon API version is 1.41`},
		{"load missing input", newLoadCommand, []string{"--platform", "linux/amd64", "-i", "/nonexistent"}, `"--platform" requires API version 1.48, but the Docker daemon API version is 1.41`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{}
			r := clitest.Run(t, e, clitest.Options{}, tt.cmd, tt.args...)
			if got := r.ErrText(); got != tt.want {
				t.Errorf("error = %q, want %q", got, tt.want)
			}
			checkRequests(t, e, "")
		})
	}
}
