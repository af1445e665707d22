package image

import "testing"

func TestPushPlatformNote(t *testing.T) {
	plain := "\n" +
		" Info -> Using --platform pushes only the specified platform manifest of a multi-platform image index.\n" +
		"         Other components, like attestations, will not be included.\n" +
		"         To push the complete multi-platform image, remove the --platform flag.\n" +
		"         \n"
	if got := pushPlatformNote(false); got != plain {
		t.Errorf("plain note:\n%q\nwant:\n%q", got, plain)
	}
	styled := "\n" +
		"\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo \u2192 \x1b[0m\x1b[0m" +
		"\x1b[3mUsing \x1b[1m--platform\x1b[0m pushes only the specified platform manifest of a multi-platform image index.\x1b[0m\n" +
		"         \x1b[3mOther components, like attestations, will not be included.\x1b[0m\n" +
		"         \x1b[3mTo push the complete multi-platform image, remove the \x1b[1m--platform\x1b[0m flag.\x1b[0m\n" +
		"         \x1b[3m\x1b[0m\n"
	if got := pushPlatformNote(true); got != styled {
		t.Errorf("styled note:\n%q\nwant:\n%q", got, styled)
	}
}
