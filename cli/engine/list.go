package engine

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// getList sends r and decodes its reply, a JSON array, one element at a
// time: the decoder then buffers an element, not the whole reply, which it
// would grow to by doubling (a list of 300 containers is 200 KB; the
// buffers, allocated once each and never reused in a short run, come to
// twice that). Whatever the reply, the result and the error are those of
// decoding it whole.
func getList[T any](ctx context.Context, c *Client, r request) ([]T, error) {
	resp, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	var out []T
	if !startsArray(br) {
		// The decode error is reported bare, as the reference does ("EOF").
		return out, json.NewDecoder(br).Decode(&out)
	}
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil { // the '['
		return out, err
	}
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			return out, wholeError(err, dec)
		}
		out = append(out, v)
	}
	if _, err := dec.Token(); err != nil { // the ']'
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF // the array is cut short
		}
		return out, err
	}
	if out == nil {
		out = []T{} // "[]" decodes to an empty list, not nil
	}
	return out, nil
}

// wholeError is the error decoding the reply whole gives where an element
// could not be read: the decoder's token API words these two differently.
func wholeError(err error, dec *json.Decoder) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF // cut short after a comma
	}
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) && err.Error() == "expected comma after array element" {
		rest, _ := io.ReadAll(io.LimitReader(dec.Buffered(), 64))
		if c := strings.TrimLeft(string(rest), " \t\r\n"); c != "" {
			return fmt.Errorf("invalid character %s after array element", quoteChar(c[0]))
		}
	}
	return err
}

// quoteChar writes a byte as the JSON decoder's messages do: 'x'.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// startsArray reports whether the first non-space byte of br opens an array.
func startsArray(br *bufio.Reader) bool {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return false
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.Discard(1)
		default:
			return b[0] == '['
		}
	}
}
