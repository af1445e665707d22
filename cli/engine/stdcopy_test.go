package engine

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// stdcopyFrame builds one frame of the multiplexed stream.
func stdcopyFrame(stream byte, payload string) []byte {
	h := make([]byte, 8, 8+len(payload))
	h[0] = stream
	binary.BigEndian.PutUint32(h[4:], uint32(len(payload)))
	return append(h, payload...)
}

func stdcopyJoin(frames ...[]byte) []byte { return bytes.Join(frames, nil) }

func TestStdCopy(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 20000) // 320 KB: larger than the input buffer
	tests := []struct {
		name             string
		in               []byte
		wantOut, wantErr string
		wantN            int64
		wantError        string
	}{
		{name: "empty", in: nil},
		{
			name:    "stdout and stderr",
			in:      stdcopyJoin(stdcopyFrame(1, "out1\n"), stdcopyFrame(2, "err1\n"), stdcopyFrame(1, "out2\n")),
			wantOut: "out1\nout2\n", wantErr: "err1\n", wantN: 15,
		},
		{
			name:    "stdin frames go to out",
			in:      stdcopyJoin(stdcopyFrame(0, "in"), stdcopyFrame(1, "out")),
			wantOut: "inout", wantN: 5,
		},
		{
			name:    "empty frames",
			in:      stdcopyJoin(stdcopyFrame(1, ""), stdcopyFrame(2, ""), stdcopyFrame(1, "x")),
			wantOut: "x", wantN: 1,
		},
		{
			name:    "systemerr stops after writing what came before",
			in:      stdcopyJoin(stdcopyFrame(1, "before"), stdcopyFrame(3, "boom"), stdcopyFrame(1, "after")),
			wantOut: "before", wantN: 6, wantError: "error from daemon in stream: boom",
		},
		{
			name:    "unknown stream",
			in:      stdcopyJoin(stdcopyFrame(2, "e"), stdcopyFrame(7, "x")),
			wantErr: "e", wantN: 1, wantError: "Unrecognized input header: 7",
		},
		{
			name:    "eof inside header",
			in:      stdcopyJoin(stdcopyFrame(1, "ok"), []byte{1, 0, 0}),
			wantOut: "ok", wantN: 2,
		},
		{
			name:    "eof inside payload writes nothing of that frame",
			in:      stdcopyJoin(stdcopyFrame(1, "ok"), stdcopyFrame(2, "truncated")[:12]),
			wantOut: "ok", wantN: 2,
		},
		{
			name:    "frame larger than the buffer",
			in:      stdcopyJoin(stdcopyFrame(2, "a"), stdcopyFrame(1, big), stdcopyFrame(2, "b")),
			wantOut: big, wantErr: "ab", wantN: int64(len(big) + 2),
		},
		{
			name:      "systemerr larger than the buffer",
			in:        stdcopyFrame(3, big),
			wantError: "error from daemon in stream: " + big[:stdcopyMaxSysErr],
		},
	}
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"data+eof": iotest.DataErrReader,
	}
	for _, tt := range tests {
		for rname, wrap := range readers {
			for _, live := range []bool{false, true} {
				var out, errw bytes.Buffer
				n, err := StdCopier{Out: &out, Err: &errw, Live: live}.Copy(wrap(bytes.NewReader(tt.in)))
				where := tt.name + "/" + rname
				if live {
					where += "/live"
				}
				if tt.wantError == "" && err != nil || tt.wantError != "" && (err == nil || err.Error() != tt.wantError) {
					t.Errorf("%s: error %v, want %q", where, err, tt.wantError)
				}
				if out.String() != tt.wantOut || errw.String() != tt.wantErr {
					t.Errorf("%s: out %.40q err %.40q, want %.40q %.40q", where, out.String(), errw.String(), tt.wantOut, tt.wantErr)
				}
				if n != tt.wantN {
					t.Errorf("%s: n = %d, want %d", where, n, tt.wantN)
				}
			}
		}
	}
}

// stdcopyLog records writes to one shared log, tagged by destination.
type stdcopyLog struct {
	tag    string
	log    *[]string
	writes *int
}

func (w stdcopyLog) Write(p []byte) (int, error) {
	*w.log = append(*w.log, w.tag+string(p))
	*w.writes++
	return len(p), nil
}

func TestStdCopyKeepsOrderAcrossStreams(t *testing.T) {
	var log []string
	var writes int
	out := stdcopyLog{"O:", &log, &writes}
	errw := stdcopyLog{"E:", &log, &writes}
	in := stdcopyJoin(stdcopyFrame(1, "a"), stdcopyFrame(1, "b"), stdcopyFrame(2, "c"), stdcopyFrame(1, "d"))
	if _, err := StdCopy(out, errw, bytes.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	want := []string{"O:ab", "E:c", "O:d"}
	if strings.Join(log, "|") != strings.Join(want, "|") {
		t.Fatalf("writes %q, want %q", log, want)
	}
}

func TestStdCopyBatchesWrites(t *testing.T) {
	var log []string
	var writes int
	w := stdcopyLog{"", &log, &writes}
	const frames = 20000
	line := strings.Repeat("x", 63)
	var in bytes.Buffer
	for range frames {
		in.Write(stdcopyFrame(1, line))
	}
	n, err := StdCopy(w, w, &in)
	if err != nil || n != frames*63 {
		t.Fatalf("n=%d err=%v", n, err)
	}
	if max := frames*63/stdcopyOutSize + 2; writes > max {
		t.Fatalf("%d writes for %d frames, want at most %d", writes, frames, max)
	}
}

// stdcopyChunks returns one chunk per Read and, before each Read after the first,
// records what the destination had received.
type stdcopyChunks struct {
	chunks [][]byte
	out    *stdcopyFlushBuf
	seen   []string
}

func (c *stdcopyChunks) Read(p []byte) (int, error) {
	c.seen = append(c.seen, c.out.flushed.String())
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	c.chunks[0] = c.chunks[0][n:]
	if len(c.chunks[0]) == 0 {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}

// stdcopyFlushBuf buffers writes until Flush, like cli.Out on a pipe.
type stdcopyFlushBuf struct{ pending, flushed bytes.Buffer }

func (b *stdcopyFlushBuf) Write(p []byte) (int, error) { return b.pending.Write(p) }
func (b *stdcopyFlushBuf) Flush() error {
	_, err := b.pending.WriteTo(&b.flushed)
	return err
}

func TestStdCopyLiveHandsOverBeforeEachRead(t *testing.T) {
	f1, f2, f3 := stdcopyFrame(1, "one\n"), stdcopyFrame(2, "two\n"), stdcopyFrame(1, "three\n")
	// The second chunk ends inside f3's payload: only complete frames may appear.
	split := 5 + len(f2)
	tail := stdcopyJoin(f2, f3)
	for _, live := range []bool{true, false} {
		buf := &stdcopyFlushBuf{}
		src := &stdcopyChunks{chunks: [][]byte{f1, tail[:split], tail[split:]}, out: buf}
		if _, err := (StdCopier{Out: buf, Err: buf, Live: live}).Copy(src); err != nil {
			t.Fatal(err)
		}
		want := []string{"", "one\n", "one\ntwo\n", "one\ntwo\nthree\n"}
		if !live {
			want = []string{"", "", "", ""}
		}
		if strings.Join(src.seen, "|") != strings.Join(want, "|") {
			t.Errorf("live=%v: seen before reads %q, want %q", live, src.seen, want)
		}
		if live && buf.flushed.String() != "one\ntwo\nthree\n" {
			t.Errorf("live: not flushed at the end: %q", buf.flushed.String())
		}
	}
}

type stdcopyFailWriter struct{ n int }

func (w stdcopyFailWriter) Write(p []byte) (int, error) {
	if w.n >= 0 {
		return min(w.n, len(p)), nil
	}
	return 0, errors.New("disk full")
}

func TestStdCopyErrors(t *testing.T) {
	in := stdcopyJoin(stdcopyFrame(1, "hello"))
	if _, err := StdCopy(stdcopyFailWriter{-1}, io.Discard, bytes.NewReader(in)); err == nil || err.Error() != "disk full" {
		t.Errorf("write error: %v", err)
	}
	if n, err := StdCopy(stdcopyFailWriter{2}, io.Discard, bytes.NewReader(in)); !errors.Is(err, io.ErrShortWrite) || n != 2 {
		t.Errorf("short write: n=%d err=%v", n, err)
	}
	broken := io.MultiReader(bytes.NewReader(in), iotest.ErrReader(errors.New("connection reset")))
	var out bytes.Buffer
	if _, err := StdCopy(&out, io.Discard, broken); err == nil || err.Error() != "connection reset" {
		t.Errorf("read error: %v", err)
	}
	if out.String() != "hello" {
		t.Errorf("output before a read error: %q", out.String())
	}
}

// stdcopyLogStream is what `docker logs` of `yes <62 chars>` receives: one small frame per line.
func stdcopyLogStream(size int) []byte {
	line := "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n"
	f := stdcopyFrame(1, line)
	return bytes.Repeat(f, size/len(line))
}

func BenchmarkStdCopy(b *testing.B) {
	in := stdcopyLogStream(8 << 20)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := StdCopy(io.Discard, io.Discard, bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

// A 4 KiB-at-a-time source like an HTTP chunked body, in live mode.
func BenchmarkStdCopyLiveSmallReads(b *testing.B) {
	in := stdcopyLogStream(8 << 20)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r := io.LimitReader(bytes.NewReader(in), int64(len(in)))
		if _, err := (StdCopier{Out: io.Discard, Err: io.Discard, Live: true}).Copy(stdcopySmallReader{r}); err != nil {
			b.Fatal(err)
		}
	}
}

type stdcopySmallReader struct{ r io.Reader }

func (s stdcopySmallReader) Read(p []byte) (int, error) { return s.r.Read(p[:min(len(p), 4096)]) }
