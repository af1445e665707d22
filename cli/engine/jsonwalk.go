package engine

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// jsonWalk reads a JSON document in one pass and without reflection, for the
// few list replies that are long enough for decoding to dominate a command
// (ps of hundreds of containers). It checks the grammar as it goes, with
// encoding/json's rules (its nesting limit included), over the parts it
// skips too. Every method reports false for anything it does not read
// exactly as encoding/json would, invalid input included; the caller then
// decodes the whole reply with encoding/json, which stays the reference for
// results and errors.
type jsonWalk struct {
	b     []byte
	i     int
	depth int
	bad   bool // a literal was misspelt where a null was looked for
	// seen holds the values read with shared: a list repeats the same
	// few (an image, a state) in every entry.
	seen map[string]string
}

// maxDepth is encoding/json's limit on nested arrays and objects.
const maxDepth = 10000

func (w *jsonWalk) space() {
	for w.i < len(w.b) {
		switch w.b[w.i] {
		case ' ', '\t', '\r', '\n':
			w.i++
		default:
			return
		}
	}
}

// next is the first byte of the next token (0 at the end).
func (w *jsonWalk) next() byte {
	w.space()
	if w.i < len(w.b) {
		return w.b[w.i]
	}
	return 0
}

// end reports whether nothing but space is left.
func (w *jsonWalk) end() bool {
	w.space()
	return w.i == len(w.b) && !w.bad
}

// literal consumes word if it comes next.
func (w *jsonWalk) literal(word string) bool {
	if len(w.b)-w.i >= len(word) && string(w.b[w.i:w.i+len(word)]) == word {
		w.i += len(word)
		return true
	}
	return false
}

// null consumes a null if one comes next.
func (w *jsonWalk) null() bool {
	if w.next() != 'n' {
		return false
	}
	if !w.literal("null") {
		w.bad = true
	}
	return true
}

// scanStr passes over a string, checking it; plain reports a string of
// printable ASCII without escapes, whose raw bytes are its value.
func (w *jsonWalk) scanStr() (raw []byte, plain, ok bool) {
	if w.next() != '"' {
		return nil, false, false
	}
	start := w.i + 1
	plain = true
	for w.i++; w.i < len(w.b); w.i++ {
		c := w.b[w.i]
		if ' ' <= c && c < utf8.RuneSelf && c != '"' && c != '\\' {
			continue
		}
		switch {
		case c == '"':
			w.i++
			return w.b[start : w.i-1], plain, true
		case c < ' ':
			return nil, false, false
		case c >= utf8.RuneSelf:
			plain = false
		default: // a backslash
			plain = false
			if w.i++; w.i >= len(w.b) {
				return nil, false, false
			}
			switch w.b[w.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(w.b)-w.i < 5 {
					return nil, false, false
				}
				for _, h := range w.b[w.i+1 : w.i+5] {
					if !isHex(h) {
						return nil, false, false
					}
				}
				w.i += 4
			default:
				return nil, false, false
			}
		}
	}
	return nil, false, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// str reads a string. One with escapes or bytes that are not UTF-8 is
// unquoted by encoding/json itself (its replacement of bad sequences and
// surrogates is the reference).
func (w *jsonWalk) str() (string, bool) {
	raw, plain, ok := w.scanStr()
	if !ok {
		return "", false
	}
	return w.strAt(raw, plain)
}

// shared is str for a value that many entries repeat: one copy of each.
func (w *jsonWalk) shared() (string, bool) {
	raw, plain, ok := w.scanStr()
	switch {
	case !ok:
		return "", false
	case !plain:
		return w.strAt(raw, plain)
	}
	if v, hit := w.seen[string(raw)]; hit {
		return v, true
	}
	if w.seen == nil {
		w.seen = map[string]string{}
	}
	v := string(raw)
	w.seen[v] = v
	return v, true
}

// key reads a member's key and its index in known (see knownKey; -1
// without known). A plain key is matched as bytes, with no copy: the known
// one stands for it. Without wantKey the key is checked, not read.
func (w *jsonWalk) key(known []string, wantKey bool) (key string, k int, ok bool) {
	raw, plain, ok := w.scanStr()
	switch {
	case !ok:
		return "", -1, false
	case !wantKey:
		return "", -1, true
	case known != nil && plain:
		if k := knownIndex(known, raw); k >= 0 {
			return known[k], k, true
		}
	}
	if key, ok = w.strAt(raw, plain); !ok {
		return "", -1, false
	}
	k = -1
	if known != nil {
		k = knownKey(known, key)
	}
	return key, k, true
}

// strAt is str for the string scanStr has just passed over.
func (w *jsonWalk) strAt(raw []byte, plain bool) (string, bool) {
	if plain || (bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw)) {
		return string(raw), true
	}
	return unquote(w.b[w.i-len(raw)-2 : w.i])
}

// knownIndex is raw's index in known, -1 if it is none of them.
func knownIndex(known []string, raw []byte) int {
	for i, k := range known {
		if k == string(raw) {
			return i
		}
	}
	return -1
}

// unquote is encoding/json's reading of a quoted string.
func unquote(quoted []byte) (string, bool) {
	var s string
	return s, json.Unmarshal(quoted, &s) == nil
}

// number passes over a number; integer is its literal when it has neither
// fraction nor exponent (encoding/json refuses those for integer fields).
func (w *jsonWalk) number() (integer string, ok bool) {
	w.space()
	start := w.i
	w.literal("-")
	switch {
	case w.literal("0"): // a zero leads no other digit: "01" ends at the 0
	case w.i < len(w.b) && '1' <= w.b[w.i] && w.b[w.i] <= '9':
		w.digits()
	default:
		return "", false
	}
	plain := true
	if w.literal(".") {
		plain = false
		if !w.digits() {
			return "", false
		}
	}
	if w.i < len(w.b) && (w.b[w.i] == 'e' || w.b[w.i] == 'E') {
		plain = false
		w.i++
		if !w.literal("+") {
			w.literal("-")
		}
		if !w.digits() {
			return "", false
		}
	}
	if !plain {
		return "", true
	}
	return string(w.b[start:w.i]), true
}

// digits passes over one or more decimal digits.
func (w *jsonWalk) digits() bool {
	start := w.i
	for w.i < len(w.b) && '0' <= w.b[w.i] && w.b[w.i] <= '9' {
		w.i++
	}
	return w.i > start
}

func (w *jsonWalk) int64() (int64, bool) {
	lit, ok := w.number()
	if !ok || lit == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(lit, 10, 64)
	return n, err == nil
}

func (w *jsonWalk) uint16() (uint16, bool) {
	lit, ok := w.number()
	if !ok || lit == "" {
		return 0, false
	}
	n, err := strconv.ParseUint(lit, 10, 16)
	return uint16(n), err == nil
}

func (w *jsonWalk) bool() (bool, bool) {
	switch w.next() {
	case 't':
		return true, w.literal("true")
	case 'f':
		return false, w.literal("false")
	}
	return false, false
}

// skip passes over any value, checking it.
func (w *jsonWalk) skip() bool {
	switch w.next() {
	case '"':
		_, _, ok := w.scanStr()
		return ok
	case '{':
		return w.members(nil, false, func(string, int) bool { return w.skip() })
	case '[':
		return w.array(w.skip)
	case 't':
		return w.literal("true")
	case 'f':
		return w.literal("false")
	case 'n':
		return w.literal("null")
	default:
		_, ok := w.number()
		return ok
	}
}

// array calls elem for each element of an array; elem reads it.
func (w *jsonWalk) array(elem func() bool) bool {
	if w.next() != '[' || w.depth >= maxDepth {
		return false
	}
	w.i++
	w.depth++
	defer func() { w.depth-- }()
	if w.next() == ']' {
		w.i++
		return true
	}
	for {
		if !elem() {
			return false
		}
		switch w.next() {
		case ',':
			w.i++
		case ']':
			w.i++
			return true
		default:
			return false
		}
	}
}

// object calls field for each member of an object; field reads the value.
// A key that differs from a known one only in case, which encoding/json
// would match, stops the walk, as does a known key given twice (encoding/json
// merges those into what the first one set).
func (w *jsonWalk) object(known []string, field func(key string) bool) bool {
	return w.members(known, true, func(key string, _ int) bool { return field(key) })
}

// fields is object for the members of a struct: a null leaves its field as it
// is (zero here), as encoding/json does; a member of none of the known keys
// is skipped; set reads the others.
func (w *jsonWalk) fields(known []string, set func(key string) bool) bool {
	return w.members(known, true, func(key string, k int) bool {
		switch {
		case w.null():
			return true
		case k < 0:
			return w.skip()
		}
		return set(key)
	})
}

// members is object; without wantKey the keys are checked, not read. field
// gets the key's index in known (-1: none).
func (w *jsonWalk) members(known []string, wantKey bool, field func(key string, k int) bool) bool {
	if w.next() != '{' || w.depth >= maxDepth {
		return false
	}
	w.i++
	w.depth++
	defer func() { w.depth-- }()
	if w.next() == '}' {
		w.i++
		return true
	}
	var seen uint64
	for {
		key, k, ok := w.key(known, wantKey)
		if !ok || w.next() != ':' {
			return false
		}
		w.i++
		if k == -2 || (k >= 0 && seen&(1<<k) != 0) {
			return false
		}
		if k >= 0 {
			seen |= 1 << k
		}
		if !field(key, k) {
			return false
		}
		switch w.next() {
		case ',':
			w.i++
		case '}':
			w.i++
			return true
		default:
			return false
		}
	}
}

// knownKey is key's index in known; -1 when encoding/json would not match
// it to any, -2 when it would match one only by folding case (or when key
// is not ASCII, whose folding is left to encoding/json).
func knownKey(known []string, key string) int {
	for i, k := range known {
		if k == key {
			return i
		}
	}
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			return -2
		}
	}
	for _, k := range known {
		if asciiEqualFold(k, key) {
			return -2
		}
	}
	return -1
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
