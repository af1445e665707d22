package engine

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// fileUpload is an upload of some bytes, then files, then more bytes.
type fileUpload struct {
	io.Reader // the same stream, for the transport
	files     []string
	werr      error // what WriteUpload returned
	closed    atomic.Bool
}

func newFileUpload(t *testing.T, sizes ...int) (*fileUpload, []byte) {
	t.Helper()
	u := &fileUpload{}
	want := []byte("head")
	for i, n := range sizes {
		b := make([]byte, n)
		rand.Read(b)
		p := filepath.Join(t.TempDir(), "f"+string(rune('a'+i)))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		u.files = append(u.files, p)
		want = append(want, b...)
	}
	want = append(want, "tail"...)
	u.Reader = bytes.NewReader(want)
	return u, want
}

func (u *fileUpload) WriteUpload(w FileWriter) error {
	u.werr = u.write(w)
	return u.werr
}

func (u *fileUpload) write(w FileWriter) error {
	if _, err := io.WriteString(w, "head"); err != nil {
		return err
	}
	for _, p := range u.files {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		fi, _ := f.Stat()
		_, err = w.WriteFile(f, fi.Size())
		f.Close()
		if err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "tail")
	return err
}

func (u *fileUpload) Close() error { u.closed.Store(true); return nil }

// uploadDaemon answers every request on a unix socket with reply, after
// reading its head and then readBody bytes of its (chunked) body (-1: all
// of it); it keeps what it read. With no reply it stops reading and waits
// until the test ends.
type uploadDaemon struct {
	sock  string
	heads chan string
	body  chan []byte
}

func newUploadDaemon(t *testing.T, readBody int, reply string) *uploadDaemon {
	t.Helper()
	d := &uploadDaemon{sock: filepath.Join(t.TempDir(), "d.sock"), heads: make(chan string, 4), body: make(chan []byte, 4)}
	l, err := net.Listen("unix", d.sock)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { l.Close(); close(done) })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			br := bufio.NewReader(conn)
			var head strings.Builder
			for {
				line, err := br.ReadString('\n')
				head.WriteString(line)
				if err != nil || line == "\r\n" {
					break
				}
			}
			var body []byte
			if readBody < 0 {
				body, _ = io.ReadAll(httputil.NewChunkedReader(br))
			} else {
				body = make([]byte, readBody)
				io.ReadFull(br, body)
			}
			d.heads <- head.String()
			d.body <- body
			if reply == "" {
				<-done
			}
			io.WriteString(conn, reply)
			conn.Close()
		}
	}()
	return d
}

const builtReply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"stream\":\"done\"}\n"

func rawClient(t *testing.T, sock string) *Client {
	t.Helper()
	c, err := New(Options{Host: "unix://" + sock, APIVersion: "1.50", UserAgent: "Docker-Client/28.2.2 (linux)",
		Headers: map[string]string{"X-Extra": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The request written on the socket is the one the transport sends (plus
// Connection: close), and its body arrives whole, files included.
func TestUploadSendsWhatTheTransportSends(t *testing.T) {
	d := newUploadDaemon(t, -1, builtReply)
	c := rawClient(t, d.sock)
	o := BuildOptions{Dockerfile: "Dockerfile", Remove: true, RegistryConfig: "e30="}
	sent := map[string]string{}
	for _, path := range []string{"upload", "transport"} {
		up, want := newFileUpload(t, 3<<20, 100, smallFile+1, 0, 70<<10)
		var body io.Reader = up
		if path == "transport" {
			body = struct{ io.Reader }{up.Reader}
		}
		resp, err := c.ImageBuild(context.Background(), body, o)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out, _ := io.ReadAll(resp)
		resp.Close()
		head, got := <-d.heads, <-d.body
		if string(out) != "{\"stream\":\"done\"}\n" || !bytes.Equal(got, want) {
			t.Errorf("%s: reply %q, body of %d bytes (want %d)", path, out, len(got), len(want))
		}
		if path == "upload" && (up.werr != nil || !up.closed.Load()) {
			t.Errorf("upload: written with %v, closed %v", up.werr, up.closed.Load())
		}
		sent[path] = head
	}
	if want := strings.Replace(sent["transport"], "\r\nTransfer-Encoding", "\r\nConnection: close\r\nTransfer-Encoding", 1); sent["upload"] != want {
		t.Errorf("head\n%q\nwant\n%q", sent["upload"], want)
	}
}

// The daemon answers before the upload ends: its error is the call's, the
// upload has been cut (closed pipe) and closed by then.
func TestUploadEarlyAnswer(t *testing.T) {
	msg := `{"message":"Unsupported isolation: \"xyz\""}` + "\n"
	reply := fmt.Sprintf("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(msg), msg)
	d := newUploadDaemon(t, 1000, reply)
	c := rawClient(t, d.sock)
	up, _ := newFileUpload(t, 32<<20, 32<<20)
	_, err := c.ImageBuild(context.Background(), up, BuildOptions{Isolation: "xyz"})
	if err == nil || err.Error() != `Error response from daemon: Unsupported isolation: "xyz"` {
		t.Errorf("error %v", err)
	}
	if !errors.Is(up.werr, io.ErrClosedPipe) || !up.closed.Load() {
		t.Errorf("upload: written with %v, closed %v", up.werr, up.closed.Load())
	}
}

// Cancelling stops the upload and the call.
func TestUploadCancel(t *testing.T) {
	d := newUploadDaemon(t, 1000, "")
	c := rawClient(t, d.sock)
	up, _ := newFileUpload(t, 32<<20)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := c.ImageBuild(ctx, up, BuildOptions{})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), `Post "http://`) {
		t.Errorf("error %v", err)
	}
	if !errors.Is(up.werr, io.ErrClosedPipe) || !up.closed.Load() {
		t.Errorf("upload: written with %v, closed %v", up.werr, up.closed.Load())
	}
}

// A body that fails cuts the request; its error is the call's.
func TestUploadBodyFails(t *testing.T) {
	d := newUploadDaemon(t, -1, builtReply)
	c := rawClient(t, d.sock)
	up, _ := newFileUpload(t, 100)
	up.files = append(up.files, filepath.Join(t.TempDir(), "gone"))
	_, err := c.ImageBuild(context.Background(), up, BuildOptions{})
	if err == nil || !strings.HasPrefix(err.Error(), "error during connect: Post \"http://") || !strings.HasSuffix(err.Error(), "/gone: no such file or directory") {
		t.Errorf("error %v", err)
	}
}

// uploadPair returns an owned socket and its peer's end; the peer's send
// buffer is small so that sendfile blocks and resumes many times.
func uploadPair(t *testing.T) (uploadConn, *os.File) {
	t.Helper()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	_ = syscall.SetsockoptInt(fds[0], syscall.SOL_SOCKET, syscall.SO_SNDBUF, 4096)
	local := os.NewFile(uintptr(fds[0]), "local")
	conn, err := net.FileConn(local)
	local.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := ownConn(conn)
	if s == nil {
		t.Fatal("a unix connection was not taken over")
	}
	peer := os.NewFile(uintptr(fds[1]), "peer")
	t.Cleanup(func() { s.Close(); peer.Close() })
	return s, peer
}

// Files are sent whole through partial sends; one shorter than announced
// is completed with zeros so that the chunk stays well-formed.
func TestChunkWriterFiles(t *testing.T) {
	s, peer := uploadPair(t)
	up, content := newFileUpload(t, 1<<20, 200<<10)
	w := &chunkWriter{conn: s}
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(httputil.NewChunkedReader(peer))
		got <- b
	}()
	if err := up.WriteUpload(w); err != nil {
		t.Fatal(err)
	}
	short, _ := os.Open(up.files[1])
	defer short.Close()
	n, err := w.WriteFile(short, 300<<10)
	if n != 200<<10 || err != nil {
		t.Errorf("short file: %d, %v", n, err)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	want := append(append([]byte(nil), content...), content[4+1<<20:4+1<<20+200<<10]...)
	want = append(want, make([]byte, 100<<10)...)
	if b := <-got; !bytes.Equal(b, want) {
		t.Errorf("received %d bytes, want %d", len(b), len(want))
	}
}

// A socket that fails fails every write after, with a closed pipe.
func TestChunkWriterBroken(t *testing.T) {
	s, peer := uploadPair(t)
	peer.Close()
	up, _ := newFileUpload(t, 1<<20)
	w := &chunkWriter{conn: s}
	if err := up.WriteUpload(w); !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("write on a closed socket: %v", err)
	}
	if _, err := w.Write(nil); !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("write after: %v", err)
	}
}

// A redirect of an upload is refused as the transport refuses one: the same
// error, and nothing is sent where the daemon points.
func TestUploadRefusesRedirect(t *testing.T) {
	var followed atomic.Int32
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1.41/elsewhere" {
			followed.Add(1)
			return
		}
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Location", "/v1.41/elsewhere")
		w.WriteHeader(http.StatusTemporaryRedirect)
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	want := `error during connect: Post "/v1.41/elsewhere": unexpected redirect in response`
	up, _ := newFileUpload(t, 1000)
	for name, body := range map[string]io.Reader{"upload": up, "reader": strings.NewReader("tar")} {
		if _, err := c.ImageBuild(context.Background(), body, BuildOptions{}); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	if n := followed.Load(); n != 0 {
		t.Errorf("the redirect was followed %d times", n)
	}
}
