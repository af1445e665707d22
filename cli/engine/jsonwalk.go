package engine

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// jsonWalk reads a JSON document that encoding/json has already found valid
// (json.Valid), in one pass and without reflection, for the few list
// replies that are long enough for decoding to dominate a command (ps of
// hundreds of containers). Every method reports false for anything it does
// not read exactly as encoding/json would; the caller then decodes the whole
// reply with encoding/json, which stays the reference for results and
// errors.
type jsonWalk struct {
	b []byte
	i int
}

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

// null consumes a null if one comes next.
func (w *jsonWalk) null() bool {
	if w.next() == 'n' {
		w.i += len("null")
		return true
	}
	return false
}

// str reads a string. One with escapes or bytes that are not UTF-8 is
// unquoted by encoding/json itself (its replacement of bad sequences and
// surrogates is the reference).
func (w *jsonWalk) str() (string, bool) {
	if w.next() != '"' {
		return "", false
	}
	start := w.i
	w.i++
	plain := true
	for ; w.i < len(w.b); w.i++ {
		switch c := w.b[w.i]; {
		case c == '\\':
			plain = false
			w.i++ // the escaped byte cannot end the string
		case c == '"':
			w.i++
			raw := w.b[start+1 : w.i-1]
			if plain && utf8.Valid(raw) {
				return string(raw), true
			}
			var s string
			err := json.Unmarshal(w.b[start:w.i], &s)
			return s, err == nil
		}
	}
	return "", false
}

// skipStr passes over the string that starts at w.i.
func (w *jsonWalk) skipStr() {
	for w.i++; w.i < len(w.b); w.i++ {
		switch w.b[w.i] {
		case '\\':
			w.i++
		case '"':
			w.i++
			return
		}
	}
}

// number is the literal of a number that is a plain integer (no fraction
// or exponent: encoding/json refuses those for integer fields).
func (w *jsonWalk) number() (string, bool) {
	c := w.next()
	if c != '-' && (c < '0' || c > '9') {
		return "", false
	}
	start := w.i
	for w.i < len(w.b) {
		switch c := w.b[w.i]; {
		case c == '-' || (c >= '0' && c <= '9'):
			w.i++
		case c == '.' || c == 'e' || c == 'E':
			return "", false
		default:
			return string(w.b[start:w.i]), true
		}
	}
	return string(w.b[start:w.i]), true
}

func (w *jsonWalk) int64() (int64, bool) {
	lit, ok := w.number()
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(lit, 10, 64)
	return n, err == nil
}

func (w *jsonWalk) uint16() (uint16, bool) {
	lit, ok := w.number()
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(lit, 10, 16)
	return uint16(n), err == nil
}

func (w *jsonWalk) bool() (bool, bool) {
	switch w.next() {
	case 't':
		w.i += len("true")
		return true, true
	case 'f':
		w.i += len("false")
		return false, true
	}
	return false, false
}

// skip passes over any value.
func (w *jsonWalk) skip() bool {
	switch w.next() {
	case '"':
		w.skipStr()
		return true
	case '{', '[':
		depth := 0
		for ; w.i < len(w.b); w.i++ {
			switch w.b[w.i] {
			case '"':
				w.skipStr()
				w.i-- // the loop steps past the closing quote
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					w.i++
					return true
				}
			}
		}
		return false
	default: // number, true, false, null: up to the next delimiter
		for w.i < len(w.b) {
			switch w.b[w.i] {
			case ',', '}', ']', ' ', '\t', '\r', '\n':
				return true
			}
			w.i++
		}
		return true
	}
}

// array calls elem for each element of an array; elem reads it.
func (w *jsonWalk) array(elem func() bool) bool {
	if w.next() != '[' {
		return false
	}
	w.i++
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
	if w.next() != '{' {
		return false
	}
	w.i++
	if w.next() == '}' {
		w.i++
		return true
	}
	var seen uint64
	for {
		key, ok := w.str()
		if !ok || w.next() != ':' {
			return false
		}
		w.i++
		if known != nil {
			k := knownKey(known, key)
			if k == -2 || (k >= 0 && seen&(1<<k) != 0) {
				return false
			}
			if k >= 0 {
				seen |= 1 << k
			}
		}
		if !field(key) {
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
