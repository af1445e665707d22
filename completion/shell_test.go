package completion_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// These tests load the generated scripts into real shells (bash with
// bash-completion, fish, zsh) and ask for candidates, with a docker binary
// built from this tree first on the shell's PATH and the fake engine behind
// DOCKER_HOST. They are skipped when a shell is not installed.

var build struct {
	once sync.Once
	dir  string
	err  error
	out  []byte
}

// buildDocker builds bin/docker once per test binary into a directory that
// TestMain removes.
func buildDocker(t *testing.T) string {
	t.Helper()
	build.once.Do(func() {
		build.dir, build.err = os.MkdirTemp("", "completion-test-")
		if build.err == nil {
			build.out, build.err = exec.Command("go", "build", "-o", filepath.Join(build.dir, "docker"), "github.com/dockerclone/docker/cmd/docker").CombinedOutput()
		}
	})
	if build.err != nil {
		t.Fatalf("go build: %v\n%s", build.err, build.out)
	}
	return build.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if build.dir != "" {
		os.RemoveAll(build.dir)
	}
	os.Exit(code)
}

func shellEnv(binDir string) []string {
	return append(os.Environ(), "PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

const bashDriver = `
source /usr/share/bash-completion/bash_completion
source <(docker completion bash)
COMP_LINE="docker $1"
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]}-1))
COMP_POINT=${#COMP_LINE}
__start_docker
printf '%s\n' "${COMPREPLY[@]}"
`

func TestBashCompletion(t *testing.T) {
	if _, err := os.Stat("/usr/share/bash-completion/bash_completion"); err != nil {
		t.Fatal("bash-completion is not installed: run make engine, which installs what the tests drive")
	}
	setup(t, newEngine(0))
	bin := buildDocker(t)
	tests := []struct{ line, want string }{
		{"stop ", "web\npaused-one"},
		{"rm ", "old"},
		{"run --pull m", "missing"},
		{"run --network ", "bridge\nhost\nnone"},
		{"rmi alp", "alpine:3"}, // bash filters by the typed prefix
		{"conta", "container"},
		{"container sto", "stop"},
		{"kill --signal HU", "HUP"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd := exec.Command("bash", "-c", bashDriver, "driver", tt.line)
			cmd.Env = shellEnv(bin)
			out, err := cmd.Output() // stderr: compopt complains outside an interactive shell
			if err != nil {
				t.Fatalf("bash: %v", err)
			}
			if got := strings.TrimSpace(string(out)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFishCompletion(t *testing.T) {
	if _, err := exec.LookPath("fish"); err != nil {
		t.Fatal("fish is not installed: run make engine, which installs what the tests drive")
	}
	setup(t, newEngine(0))
	bin := buildDocker(t)
	tests := []struct{ line, want string }{
		{"docker stop ", "paused-one\nweb"}, // fish sorts
		{"docker start ", "old"},
		{"docker cont", "container\tManage containers\ncontext\tManage contexts"},
		{"docker run --restart=un", "--restart=unless-stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd := exec.Command("fish", "--no-config", "-c", "docker completion fish | source; complete -C $argv[1]", tt.line)
			cmd.Env = shellEnv(bin)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("fish: %v\n%s", err, out)
			}
			if got := strings.TrimSpace(string(out)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// zsh completion needs an interactive line editor; check that the script
// loads and defines the completion function bound to docker.
func TestZshScriptLoads(t *testing.T) {
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Fatal("zsh is not installed: run make engine, which installs what the tests drive")
	}
	bin := buildDocker(t)
	cmd := exec.Command("zsh", "-f", "-c", `autoload -U compinit && compinit -u && source <(docker completion zsh) && print -r -- $_comps[docker]`)
	cmd.Env = append(shellEnv(bin), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("zsh: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "_docker" {
		t.Errorf("docker is completed by %q, want _docker", got)
	}
}

func TestNoDescriptions(t *testing.T) {
	bin := buildDocker(t)
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		with, err := exec.Command(filepath.Join(bin, "docker"), "completion", shell).Output()
		if err != nil {
			t.Fatalf("completion %s: %v", shell, err)
		}
		without, err := exec.Command(filepath.Join(bin, "docker"), "completion", shell, "--no-descriptions").Output()
		if err != nil {
			t.Fatalf("completion %s --no-descriptions: %v", shell, err)
		}
		if !strings.Contains(string(with), "__complete") || !strings.Contains(string(without), "__completeNoDesc") {
			t.Errorf("%s: scripts do not call __complete / __completeNoDesc", shell)
		}
	}
}
