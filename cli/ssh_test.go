package cli

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSSHURL(t *testing.T) {
	tests := []struct {
		in   string
		want SSHSpec
		err  string
	}{
		{in: "ssh://h", want: SSHSpec{Host: "h"}},
		{in: "ssh://me@host:22/var/run/docker.sock", want: SSHSpec{User: "me", Host: "host", Port: "22", Path: "/var/run/docker.sock"}},
		{in: "ssh://u:p@h", err: "ssh host connection is not valid: invalid SSH URL: plain-text password is not supported"},
		{in: "ssh://h?x=1", err: `ssh host connection is not valid: invalid SSH URL: query parameters are not allowed: "x=1"`},
		{in: "ssh://h#x", err: `ssh host connection is not valid: invalid SSH URL: fragments are not allowed: "x"`},
		{in: "ssh://", err: "ssh host connection is not valid: invalid SSH URL: hostname is empty"},
		{in: "ssh://u@h:x", err: `parse "ssh://u@h:x": invalid port ":x" after host`},
	}
	for _, tt := range tests {
		got, err := ParseSSHURL(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseSSHURL(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSSHURL(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestSSHCommand(t *testing.T) {
	tests := []struct {
		spec  SSHSpec
		flags []string
		want  string
	}{
		{SSHSpec{Host: "h"}, nil, "ssh -o ConnectTimeout=30 -T -- h docker system dial-stdio"},
		{SSHSpec{User: "me", Host: "host", Port: "22", Path: "/run/d.sock"}, nil,
			"ssh -o ConnectTimeout=30 -T -l me -p 22 -- host docker --host unix:///run/d.sock system dial-stdio"},
		{SSHSpec{Host: "h"}, []string{"-o", "ConnectTimeout=5", "-t"}, "ssh -o ConnectTimeout=5 -t -- h docker system dial-stdio"},
	}
	for _, tt := range tests {
		if got := strings.Join(tt.spec.Command(tt.flags...), " "); got != tt.want {
			t.Errorf("Command(%+v, %q) = %q, want %q", tt.spec, tt.flags, got, tt.want)
		}
	}
}

func TestSSHDialerRejectsBadURLBeforeDialing(t *testing.T) {
	d, err := sshDialer("ssh://u:p@h")
	if err == nil || d != nil {
		t.Fatalf("sshDialer accepted a password URL")
	}
	if !reflect.DeepEqual(err.Error(), "ssh host connection is not valid: invalid SSH URL: plain-text password is not supported") {
		t.Errorf("error = %v", err)
	}
}
