package cli

import (
	"slices"
	"testing"
)

func TestParseGlobalFlags(t *testing.T) {
	tests := []struct {
		args     []string
		wantArgs []string
		wantErr  string
		hosts    []string
	}{
		{args: []string{"ps", "-a"}, wantArgs: []string{"ps", "-a"}},
		{args: []string{"-H", "x", "--", "ps", "--", "y"}, wantArgs: []string{"-H", "x", "ps", "--", "y"}, hosts: []string{"x"}},
		{args: []string{"--", "--version"}, wantArgs: []string{"--version"}},
		{args: []string{"ps", "--", "x"}, wantArgs: []string{"ps", "--", "x"}},
		{args: []string{"-H", "a", "--nosuch", "-H", "b"}, wantArgs: []string{"-H", "a", "--nosuch", "-H", "b"}, wantErr: "unknown flag: --nosuch", hosts: []string{"a"}},
		{args: []string{"-Dl"}, wantArgs: []string{"-Dl"}, wantErr: "flag needs an argument: 'l' in -l"},
		{args: []string{"-h", "ps"}, wantArgs: []string{"-h", "ps"}},
	}
	for _, tt := range tests {
		p := ParseGlobalFlags(tt.args)
		gotErr := ""
		if p.ParseErr != nil {
			gotErr = p.ParseErr.Error()
		}
		if !slices.Equal(p.Args, tt.wantArgs) || gotErr != tt.wantErr || !slices.Equal(p.Opts.Hosts, tt.hosts) {
			t.Errorf("ParseGlobalFlags(%q) = %q, %q, hosts %q; want %q, %q, %q", tt.args, p.Args, gotErr, p.Opts.Hosts, tt.wantArgs, tt.wantErr, tt.hosts)
		}
	}
}

func TestCheckLogLevel(t *testing.T) {
	for level, ok := range map[string]bool{"": true, "debug": true, "WARN": true, "warning": true, "Trace": true, "panic": true, "bogus": false, "verbose": false} {
		err := CheckLogLevel(level)
		if (err == nil) != ok {
			t.Errorf("CheckLogLevel(%q) = %v", level, err)
		}
		if err != nil && err.Error() != "Unable to parse logging level: "+level {
			t.Errorf("message %q", err)
		}
	}
}
