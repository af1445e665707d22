package builder

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// isURL: a context the CLI downloads itself.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// isGitURL: a context the CLI clones with git, as the reference does.
func isGitURL(s string) bool {
	switch {
	case strings.HasPrefix(s, "git://"), strings.HasPrefix(s, "git@"), strings.HasPrefix(s, "github.com/"):
		return true
	case isURL(s):
		u, _, _ := strings.Cut(s, "#")
		return strings.HasSuffix(u, ".git")
	}
	return false
}

// urlContext downloads the context, drawing the download on out. A tar
// is streamed on to the daemon as it arrives; a compressed archive is sent
// as it is and a Dockerfile alone, both counted again as they are sent.
func urlContext(url, dockerfile string, out *uploadProgress) (*buildContext, error) {
	fail := func(err error) error {
		return errPrepare(fmt.Errorf("unable to download remote context %s: %w", url, err))
	}
	resp, err := http.Get(url)
	if err != nil {
		return nil, fail(err)
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return nil, fail(fmt.Errorf("failed to GET %s with status %s: %s", url, resp.Status, bytes.TrimRight(body, "\n")))
	}
	kind, r, err := sniff(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, fail(err)
	}
	end := "\r\n"
	if kind == tarArchive {
		end = "" // the build's output follows on the same line, as the reference's
	}
	progress := out.download(readCloser{r, resp.Body}, resp.ContentLength, end, "Downloading build context from remote url: "+url)
	if kind != notArchive {
		return &buildContext{body: progress, dockerfile: dockerfile, downloaded: kind == tarArchive}, nil
	}
	content, err := readDockerfile(progress, dockerfile)
	progress.Close()
	if err != nil {
		return nil, err
	}
	return &buildContext{body: dockerfileTar("Dockerfile", content), dockerfile: "Dockerfile"}, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

// gitContext clones the repository into a temporary directory (ref and
// subdirectory from the #ref:dir fragment) and sends it as a directory.
func gitContext(url, dockerfile string, logf func(string, ...any)) (*buildContext, error) {
	dir, err := cloneGit(url)
	if err != nil {
		return nil, errPrepare(fmt.Errorf("unable to 'git clone' to temporary context directory: %w", err))
	}
	root := dir
	if _, fragment, ok := strings.Cut(url, "#"); ok {
		if _, sub, ok := strings.Cut(fragment, ":"); ok && sub != "" {
			root = filepath.Join(dir, sub)
		}
	}
	if dockerfile != "" && !filepath.IsAbs(dockerfile) {
		dockerfile = filepath.Join(root, dockerfile)
	}
	bc, err := dirContext(root, dockerfile, nil, logf)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	bc.cleanup = func() { os.RemoveAll(dir) }
	return bc, nil
}

// cloneGit fetches ref (default: the remote's HEAD) shallowly and checks it
// out with its submodules.
func cloneGit(url string) (string, error) {
	remote, fragment, _ := strings.Cut(url, "#")
	ref, _, _ := strings.Cut(fragment, ":")
	if strings.HasPrefix(remote, "github.com/") {
		remote = "https://" + remote
	}
	dir, err := os.MkdirTemp("", "docker-build-git")
	if err != nil {
		return "", err
	}
	git := func(args ...string) ([]byte, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
		return cmd.CombinedOutput()
	}
	fetch := []string{"fetch", "--depth=1", "origin"}
	if ref != "" {
		fetch = append(fetch, "--", ref)
	}
	steps := []struct {
		what string
		args []string
	}{
		{"failed to init repo at " + dir, []string{"init", "--quiet"}},
		{"failed to add remote", []string{"remote", "add", "origin", remote}},
		{"error fetching", fetch},
		{"error checking out " + ref, []string{"checkout", "--quiet", "FETCH_HEAD"}},
		{"error initializing submodules", []string{"submodule", "update", "--init", "--recursive", "--depth=1"}},
	}
	for _, s := range steps {
		if out, err := git(s.args...); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("%s: %s: %w", s.what, out, err)
		}
	}
	return dir, nil
}
