package cli

import "testing"

func TestNote(t *testing.T) {
	const badge = "\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo \u2192 \x1b[0m\x1b[0m"
	tests := []struct {
		note   Note
		styled bool
		want   string
	}{
		{Note{Lines: []string{"a", "b", ""}}, false, " Info -> a\n         b\n         \n"},
		{Note{Lines: []string{"a", "b"}}, true, badge + "\x1b[3ma\x1b[0m\n         \x1b[3mb\x1b[0m\n"},
		{Note{Lines: []string{"use --x", ""}, Bold: []string{"--x"}}, false, " Info -> use --x\n         \n"},
		{Note{Lines: []string{"use --x", ""}, Bold: []string{"--x"}}, true, badge + "\x1b[3muse \x1b[1m--x\x1b[0m\x1b[0m\n         \x1b[3m\x1b[0m\n"},
	}
	for _, tt := range tests {
		if got := tt.note.Render(tt.styled); got != tt.want {
			t.Errorf("%+v styled %v:\n%q\nwant\n%q", tt.note, tt.styled, got, tt.want)
		}
	}
}
