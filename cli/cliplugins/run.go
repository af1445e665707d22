package cliplugins

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
)

// Environment variables of the plugin protocol.
const (
	EnvOriginalCommand = "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND"
	EnvSocket          = "DOCKER_CLI_PLUGIN_SOCKET"
	envOTELResource    = "OTEL_RESOURCE_ATTRIBUTES"
)

// ForcedExitMessage is printed when the third SIGINT/SIGTERM makes the CLI
// leave while the plugin still runs.
const ForcedExitMessage = "got 3 SIGTERM/SIGINTs, forcefully exiting"

// Run describes one execution of a plugin.
type Run struct {
	// Args follow argv[0] (the plugin's path): the command line as the
	// user typed it, global flags included, the plugin re-parses it.
	Args []string
	// CommandPath is the command as the reference's telemetry names it
	// ("docker compose"), passed in OTEL_RESOURCE_ATTRIBUTES.
	CommandPath string
	// OriginalCommand is the CLI's own argv[0].
	OriginalCommand string
	// Env is added to the CLI's environment (DEBUG=1, BUILDX_BUILDER=...).
	Env []string
	// NoSocket leaves out the CLI-exited socket (completion requests).
	NoSocket bool

	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Terminal: stdout is a terminal, so Ctrl-C reaches the plugin through
	// the terminal's process group and the CLI leaves signals alone.
	// Otherwise a SIGINT/SIGTERM closes the socket, which tells the plugin
	// to stop, and the third one makes the CLI leave (ForcedExit).
	Terminal bool
	// ForcedExit is called on the third signal; Run then returns 1.
	ForcedExit func()
}

// Exec runs the plugin at path to completion and returns its exit status
// (255 when a signal ended it). The error is for a plugin that could not
// be started.
func (r Run) Exec(path string) (int, error) {
	cmd := exec.Command(path, r.Args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = r.Stdin, r.Stdout, r.Stderr
	cmd.Env = append(os.Environ(), r.originalCommandEnv(), r.otelEnv())
	cmd.Env = append(cmd.Env, r.Env...)
	var srv *server
	if !r.NoSocket {
		var err error
		if srv, err = listen(); err == nil {
			defer srv.close()
			cmd.Env = append(cmd.Env, EnvSocket+"="+srv.addr)
		}
	}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return 1, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	forced := 0
	for {
		select {
		case err := <-done:
			return exitStatus(err)
		case <-sigs:
			if r.Terminal {
				continue
			}
			if srv != nil {
				srv.close()
			}
			if forced++; forced >= 3 {
				if r.ForcedExit != nil {
					r.ForcedExit()
				}
				return 1, nil
			}
		}
	}
}

// originalCommandEnv is EnvOriginalCommand=<argv[0] of the CLI>.
func (r Run) originalCommandEnv() string {
	return EnvOriginalCommand + "=" + r.OriginalCommand
}

// otelEnv adds the command path to the resource attributes the user set.
func (r Run) otelEnv() string {
	attr := "docker.cli.cobra.command_path=" + url.PathEscape(r.CommandPath)
	if v := os.Getenv(envOTELResource); v != "" {
		attr = v + "," + attr
	}
	return envOTELResource + "=" + attr
}

func exitStatus(err error) (int, error) {
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &ee):
		if code := ee.ExitCode(); code >= 0 {
			return code, nil
		}
		return 255, nil // killed by a signal
	default:
		return 1, err
	}
}

// server is the socket whose closing tells plugins the CLI is gone: each
// plugin connects and waits for EOF.
type server struct {
	addr  string
	l     net.Listener
	mu    sync.Mutex
	conns []net.Conn
	done  bool
}

func listen() (*server, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	l, err := net.Listen("unix", socketAddr("docker_cli_"+hex.EncodeToString(b)))
	if err != nil {
		return nil, err
	}
	s := &server{addr: l.Addr().String(), l: l}
	if !strings.HasPrefix(s.addr, "@") {
		// A path socket: keep the file until closed, as the abstract one.
		l.(*net.UnixListener).SetUnlinkOnClose(true)
	}
	go s.accept()
	return s, nil
}

func (s *server) accept() {
	for {
		conn, err := s.l.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		if s.done {
			conn.Close()
		} else {
			s.conns = append(s.conns, conn)
		}
		s.mu.Unlock()
	}
}

func (s *server) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	s.l.Close()
	for _, c := range s.conns {
		c.Close()
	}
}
