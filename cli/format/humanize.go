package format

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/docker/go-units"
	"github.com/mattn/go-runewidth"
)

// HumanDuration describes d like "About a minute" or "3 weeks" (the
// CREATED column says "<HumanDuration> ago").
func HumanDuration(d time.Duration) string {
	return units.HumanDuration(d)
}

// HumanSize formats a byte count with four significant digits in decimal
// units ("1.984MB"), as VirtualSize is shown.
func HumanSize(bytes int64) string {
	return units.HumanSize(float64(bytes))
}

// HumanSizeWithPrecision formats a byte count with the given number of
// significant digits; list columns use 3 ("1.98MB").
func HumanSizeWithPrecision(bytes int64, precision int) string {
	return units.HumanSizeWithPrecision(float64(bytes), precision)
}

// Ellipsis shortens s to at most maxWidth display cells, ending it with
// "…" when anything was cut ("sh -c 'echo a very …" for 20 cells).
//
// The quirks are the reference's: a width of 1 keeps just the first rune
// whatever its width; strings of single-byte runes count one cell per
// byte (so a TAB counts), others use runewidth (a TAB counts zero); and
// when not even the first rune fits before the "…", s is returned whole.
func Ellipsis(s string, maxWidth int) string {
	if maxWidth <= 0 || s == "" {
		return ""
	}
	if maxWidth == 1 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError {
			return s[:size]
		}
		return string(r)
	}
	if len(s) == utf8.RuneCountInString(s) {
		if len(s) <= maxWidth {
			return s
		}
		return s[:maxWidth-1] + "…"
	}
	if runeWidthSum(s) <= maxWidth {
		return s
	}
	width, cut := 0, 0
	for cut < len(s) {
		r, size := utf8.DecodeRuneInString(s[cut:])
		if width += runewidth.RuneWidth(r); width > maxWidth-1 {
			break
		}
		cut += size
	}
	if cut == 0 {
		return s
	}
	return s[:cut] + "…"
}

// runeWidthSum measures s rune by rune (not by grapheme cluster), the way
// the reference decides whether it fits.
func runeWidthSum(s string) int {
	n := 0
	for _, r := range s {
		n += runewidth.RuneWidth(r)
	}
	return n
}

// TruncateID shortens an ID to 12 characters, dropping an algorithm prefix.
func TruncateID(id string) string {
	if i := strings.IndexByte(id, ':'); i >= 0 {
		id = id[i+1:]
	}
	if len(id) > 12 {
		id = id[:12]
	}
	return id
}
