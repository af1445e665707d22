package cli

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// SSHSpec is a parsed ssh://[user@]host[:port][/socket] engine address.
type SSHSpec struct {
	User, Host, Port string
	// Path is the engine socket on the remote host; empty means the remote
	// docker's own default.
	Path string
}

// ParseSSHURL validates an ssh:// host with the reference's messages.
func ParseSSHURL(raw string) (SSHSpec, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return SSHSpec{}, err
	}
	invalid := func(format string, args ...any) (SSHSpec, error) {
		return SSHSpec{}, fmt.Errorf("ssh host connection is not valid: invalid SSH URL: "+format, args...)
	}
	var s SSHSpec
	if u.User != nil {
		s.User = u.User.Username()
		if _, ok := u.User.Password(); ok {
			return invalid("plain-text password is not supported")
		}
	}
	s.Host, s.Port = u.Hostname(), u.Port()
	if s.Host == "" {
		return invalid("hostname is empty")
	}
	if u.RawQuery != "" {
		return invalid("query parameters are not allowed: %q", u.RawQuery)
	}
	if u.Fragment != "" {
		return invalid("fragments are not allowed: %q", u.Fragment)
	}
	s.Path = u.Path
	return s, nil
}

// Command is the ssh invocation that runs `docker system dial-stdio` on the
// remote host: ssh [flags] -- host docker [--host unix://path] system dial-stdio.
// Connection timeout and no-tty options are added unless flags set them.
func (s SSHSpec) Command(flags ...string) []string {
	args := []string{"ssh"}
	if !hasSSHOption(flags, "ConnectTimeout") {
		args = append(args, "-o", "ConnectTimeout=30")
	}
	if !hasFlag(flags, "-T") && !hasFlag(flags, "-t") {
		args = append(args, "-T")
	}
	args = append(args, flags...)
	if s.User != "" {
		args = append(args, "-l", s.User)
	}
	if s.Port != "" {
		args = append(args, "-p", s.Port)
	}
	args = append(args, "--", s.Host, "docker")
	if s.Path != "" {
		args = append(args, "--host", "unix://"+s.Path)
	}
	return append(args, "system", "dial-stdio")
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

func hasSSHOption(flags []string, name string) bool {
	for i, x := range flags {
		if x == "-o" && i+1 < len(flags) && strings.HasPrefix(flags[i+1], name+"=") {
			return true
		}
	}
	return false
}

// sshDialer validates the URL up front (so a bad URL fails before any
// request) and returns a dialer that spawns ssh for every connection.
func sshDialer(host string) (func(ctx context.Context) (net.Conn, error), error) {
	spec, err := ParseSSHURL(host)
	if err != nil {
		return nil, err
	}
	argv := spec.Command()
	return func(context.Context) (net.Conn, error) {
		// Not tied to the dial context: the process is the connection and
		// lives as long as the transport keeps it.
		return DialCommand(argv[0], argv[1:]...)
	}, nil
}
