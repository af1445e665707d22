package cli

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

func TestConfirm(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{{"y\n", true}, {" Y \n", true}, {"yes\n", false}, {"n\n", false}, {"", false}, {"y", true}}
	for _, tc := range cases {
		var out bytes.Buffer
		c := New(Streams{In: NewIn(strings.NewReader(tc.in)), Out: NewOut(&out), Err: NewOut(&out)})
		got, err := c.Confirm(context.Background(), "Sure?")
		if err != nil || got != tc.want || out.String() != "Sure? [y/N] " {
			t.Errorf("%q: %v %v %q", tc.in, got, err, out.String())
		}
	}
}

func TestConfirmInterrupted(t *testing.T) {
	var out bytes.Buffer
	r, release := newBlockingReader()
	defer release()
	c := New(Streams{In: NewIn(r), Out: NewOut(&out), Err: NewOut(&out)})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if ok, err := c.Confirm(ctx, "Sure?"); ok || err != nil {
		t.Fatalf("interrupted prompt: %v, %v; want a plain no", ok, err)
	}
	if out.String() != "Sure? [y/N] \n" {
		t.Fatalf("out %q", out.String())
	}
}

// blockingReader never returns: a terminal nobody types on.
type blockingReader struct{ ch chan struct{} }

func newBlockingReader() (*blockingReader, func()) {
	r := &blockingReader{ch: make(chan struct{})}
	return r, func() { close(r.ch) }
}

func (r *blockingReader) Read(p []byte) (int, error) { <-r.ch; return 0, io.EOF }

func TestReadLine(t *testing.T) {
	r := strings.NewReader("first\nsecond")
	for _, want := range []string{"first", "second", ""} {
		if got, err := ReadLine(context.Background(), r); err != nil || got != want {
			t.Fatalf("got %q, %v; want %q", got, err, want)
		}
	}
	br, release := newBlockingReader()
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadLine(ctx, br); err != context.Canceled {
		t.Fatalf("err %v", err)
	}
}
