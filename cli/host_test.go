package cli

import "testing"

func TestParseHost(t *testing.T) {
	tests := []struct {
		in, want, err string
		tls           bool
	}{
		{in: "", want: "unix:///var/run/docker.sock"},
		{in: "", tls: true, want: "tcp://localhost:2376"},
		{in: "tcp://", want: "tcp://localhost:2375"},
		{in: ":2375", want: "tcp://localhost:2375"},
		{in: "h", want: "tcp://h:2375"},
		{in: " tcp://h ", want: "tcp://h:2375"},
		{in: "tcp://h:", want: "tcp://h:2375"},
		{in: "tcp://h:1/path/", want: "tcp://h:1/path/"},
		{in: "tcp://u@h?x=1", want: "tcp://h:2375"},
		{in: "tcp://h:99999", want: "tcp://h:99999"},
		{in: "[::1]:5", want: "tcp://[::1]:5"},
		{in: "h:2375:1", want: "tcp://[h:2375:1]:2375"},
		{in: "unix://", want: "unix:///var/run/docker.sock"},
		{in: "unix:///x", want: "unix:///x"},
		{in: "npipe://", want: "npipe:////./pipe/docker_engine"},
		{in: "fd://", want: "fd://"},
		{in: "ssh://u@h:22/s", want: "ssh://u@h:22/s"},
		{in: "tcp://[::1]", err: "invalid bind address format: [::1]"},
		{in: "TCP://h", err: "invalid bind address format: TCP://h"},
		{in: "http://h", err: "invalid bind address format: http://h"},
		{in: "tcp://h:x", err: `parse "tcp://h:x": invalid port ":x" after host`},
	}
	for _, tt := range tests {
		got, err := ParseHost(tt.in, tt.tls)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseHost(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseHost(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
