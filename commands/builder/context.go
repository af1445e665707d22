package builder

import (
	"archive/tar"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"

	"github.com/dockerclone/docker/cli/engine"
)

// buildContext is what goes to the daemon: the context as a tar stream
// (possibly compressed) and the Dockerfile's name inside it.
type buildContext struct {
	body       io.ReadCloser
	dockerfile string
	// compressed: body is a compressed archive (from stdin), sent as is.
	compressed bool
	cleanup    func()
	// downloaded: body is a remote archive whose download is drawn as it
	// goes; it is not counted again as it is sent.
	downloaded bool
}

// errPrepare wraps what goes wrong before anything is sent.
func errPrepare(err error) error { return fmt.Errorf("unable to prepare context: %w", err) }

// dirContext streams directory dir. dockerfile is the -f value ("" for
// dir/Dockerfile, or dir/dockerfile), relative to the working directory;
// stdinDockerfile is the content of -f -; logf reports the files the
// archive could not take.
func dirContext(dir, dockerfile string, stdinDockerfile []byte, logf func(string, ...any)) (*buildContext, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, errPrepare(fmt.Errorf("path %q not found", dir))
		}
		return nil, errPrepare(err)
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, errPrepare(err)
	}
	if !fi.IsDir() {
		return nil, errPrepare(fmt.Errorf("context must be a directory: %s", root))
	}
	if root, err = filepath.EvalSymlinks(root); err != nil {
		return nil, errPrepare(fmt.Errorf("unable to evaluate symlinks in context path: %w", err))
	}
	t := &contextTar{root: root, now: time.Now(), logf: logf}
	var rel string
	if stdinDockerfile != nil {
		t.extra = &extraDockerfile{name: randomDockerfileName(), content: stdinDockerfile}
	} else if rel, err = locateDockerfile(root, dockerfile); err != nil {
		return nil, errPrepare(err)
	} else if strings.HasPrefix(rel, "..") {
		// Outside the context: sent under a name of its own, as -f - is.
		content, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			return nil, errPrepare(err)
		}
		t.extra = &extraDockerfile{name: randomDockerfileName(), content: content}
	}
	if t.extra != nil {
		rel = t.extra.name
	}
	if t.excludes, err = readDockerignore(root, rel); err != nil {
		return nil, err
	}
	if err := checkContext(root, t.excludes); err != nil {
		return nil, err
	}
	return &buildContext{body: &archiveBody{write: t.write, done: make(chan struct{})}, dockerfile: rel}, nil
}

// archiveBody is the context archive as it is written: into a pipe read by
// the HTTP transport (the archiver starts on the first read), or straight
// to the engine's socket (WriteUpload). Close waits for the archiver to
// stop, so that what it logs about a cut-off upload comes before the
// command's own error.
type archiveBody struct {
	write func(io.Writer) error
	once  sync.Once
	pr    *io.PipeReader // nil unless piped
	done  chan struct{}  // closed once the archiver has stopped (or never ran)
}

func (b *archiveBody) Read(p []byte) (int, error) {
	b.once.Do(func() {
		pr, pw := io.Pipe()
		b.pr = pr
		go func() {
			defer close(b.done)
			pw.CloseWithError(b.write(pw))
		}()
	})
	if b.pr == nil {
		return 0, io.ErrClosedPipe
	}
	return b.pr.Read(p)
}

// WriteUpload writes the archive to w, its files' content by sendfile.
func (b *archiveBody) WriteUpload(w engine.FileWriter) error {
	started := false
	b.once.Do(func() { started = true })
	if !started {
		return errors.New("build context already sent")
	}
	defer close(b.done)
	return b.write(w)
}

func (b *archiveBody) Close() error {
	b.once.Do(func() { close(b.done) }) // never started: nothing to wait for
	var err error
	if b.pr != nil {
		err = b.pr.Close()
	}
	<-b.done
	return err
}

// locateDockerfile resolves the Dockerfile and returns its path relative
// to root (slash-separated; starting with ".." when outside).
func locateDockerfile(root, dockerfile string) (string, error) {
	var path string
	if dockerfile == "" {
		path = filepath.Join(root, "Dockerfile")
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			if _, err := os.Lstat(filepath.Join(root, "dockerfile")); err == nil {
				path = filepath.Join(root, "dockerfile")
			}
		}
	} else {
		abs, err := filepath.Abs(dockerfile)
		if err != nil {
			return "", err
		}
		path = abs
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("unable to evaluate symlinks in Dockerfile path: %w", err)
	}
	rel, err := filepath.Rel(root, real)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// readDockerignore reads root/.dockerignore. The Dockerfile and the file
// itself are sent even when it excludes them (the daemon needs both).
func readDockerignore(root, dockerfile string) (*patternmatcher.PatternMatcher, error) {
	f, err := os.Open(filepath.Join(root, ".dockerignore"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	patterns, err := ignorefile.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("error reading .dockerignore: %w", err)
	}
	if len(patterns) == 0 {
		return nil, nil
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return nil, err
	}
	var keep []string
	for _, name := range []string{dockerfile, ".dockerignore"} {
		if m, _ := pm.MatchesOrParentMatches(name); m {
			keep = append(keep, "!"+name)
		}
	}
	if len(keep) == 0 {
		return pm, nil
	}
	return patternmatcher.New(append(patterns, keep...))
}

// randomDockerfileName names a Dockerfile added to the context.
func randomDockerfileName() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return ".dockerfile." + hex.EncodeToString(b)
}

// stdinContext is `docker build -`: an archive (tar, or compressed) is
// streamed as it is; anything else is a Dockerfile, sent alone.
func stdinContext(in io.Reader, dockerfile string) (*buildContext, error) {
	kind, r, err := sniff(in)
	if err != nil {
		return nil, err
	}
	if kind != notArchive {
		return &buildContext{body: io.NopCloser(r), dockerfile: dockerfile, compressed: kind == compressedArchive}, nil
	}
	content, err := readDockerfile(r, dockerfile)
	if err != nil {
		return nil, err
	}
	return &buildContext{body: dockerfileTar("Dockerfile", content)}, nil
}

// readDockerfile reads a context that is a Dockerfile; -f cannot name
// another one then.
func readDockerfile(r io.Reader, dockerfile string) ([]byte, error) {
	if dockerfile != "" {
		return nil, errPrepare(errors.New("ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles"))
	}
	return io.ReadAll(r)
}

// dockerfileTar is a context holding only a Dockerfile.
func dockerfileTar(name string, content []byte) io.ReadCloser {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	_ = tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: 0o644, Size: int64(len(content)), ModTime: time.Now()})
	_, _ = tw.Write(content)
	_ = tw.Close()
	return io.NopCloser(&b)
}

// Magic numbers of the compressions the daemon unpacks.
var compressedMagic = [][]byte{
	{0x1f, 0x8b, 0x08},               // gzip
	{'B', 'Z', 'h'},                  // bzip2
	{0xfd, '7', 'z', 'X', 'Z', 0x00}, // xz
	{0x28, 0xb5, 0x2f, 0xfd},         // zstd
}

type contentKind int

const (
	notArchive contentKind = iota
	tarArchive
	compressedArchive
)

// sniff tells a tar, a compressed stream and anything else apart by their
// first bytes; r reads the whole stream again.
func sniff(in io.Reader) (kind contentKind, r io.Reader, err error) {
	head := make([]byte, 512)
	n, err := io.ReadFull(in, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return notArchive, nil, err
	}
	head = head[:n]
	r = io.MultiReader(bytes.NewReader(head), in)
	for _, m := range compressedMagic {
		if bytes.HasPrefix(head, m) {
			return compressedArchive, r, nil
		}
	}
	if n < len(head) || n < 512 {
		return notArchive, r, nil
	}
	if _, err := tar.NewReader(bytes.NewReader(head)).Next(); err != nil {
		return notArchive, r, nil
	}
	return tarArchive, r, nil
}
