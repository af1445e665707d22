package commands

import "testing"

func TestCommandName(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"ps", "-a"}, "ps"},
		{[]string{"-H", "unix:///x", "ps"}, "ps"},
		{[]string{"--host=unix:///x", "images"}, "images"},
		{[]string{"-D", "--context", "ctx", "run", "busybox"}, "run"},
		{[]string{"-Dc", "ctx", "logs", "x"}, "logs"},
		{[]string{"--config", "/tmp/c", "container", "ls"}, "container"},
		{[]string{"help", "ps"}, ""},
		{[]string{"__complete", "ps", ""}, ""},
		{[]string{"completion", "bash"}, ""},
		{[]string{"--help"}, ""},
		{[]string{"--", "ps"}, ""},
	}
	for _, tc := range cases {
		if got := commandName(tc.args); got != tc.want {
			t.Errorf("commandName(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
