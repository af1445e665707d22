package builder

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

// trustedContext is the context as the reference sends it with content
// trust on: its tar re-written entry by entry, the Dockerfile's FROM
// images resolved through their notary servers and pinned to the signed
// digest. A FROM that cannot be resolved fails the upload (and the daemon
// never gets the Dockerfile), as with the reference.
func trustedContext(ctx context.Context, in io.ReadCloser, configDir, dockerfile string) io.ReadCloser {
	if dockerfile == "" {
		dockerfile = "Dockerfile"
	}
	pr, pw := io.Pipe()
	go func() {
		err := rewriteTar(pw, in, func(name string, content []byte) ([]byte, error) {
			if path.Clean(name) != path.Clean(dockerfile) {
				return content, nil
			}
			return resolveFrom(ctx, configDir, content)
		})
		if err != nil {
			in.Close() // the archiver stops, and says so
			// Only the text travels: the notary server's network error
			// must not read as the daemon's.
			err = errors.New(err.Error())
		}
		pw.CloseWithError(err)
	}()
	return pr
}

// rewriteTar copies the tar on r to w one whole entry at a time, passing
// each regular file through rewrite first.
func rewriteTar(w io.Writer, r io.Reader, rewrite func(name string, content []byte) ([]byte, error)) error {
	tr := tar.NewReader(r)
	tw := tar.NewWriter(w)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return tw.Close()
		}
		if err != nil {
			return err
		}
		content, err := io.ReadAll(tr)
		if err != nil {
			return err
		}
		if hdr.Typeflag == tar.TypeReg {
			if content, err = rewrite(hdr.Name, content); err != nil {
				return err
			}
			hdr.Size = int64(len(content))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(content); err != nil {
			return err
		}
	}
}

// resolveFrom resolves, in order, every FROM image of a Dockerfile that
// names a tag (or no tag: latest) and pins it to the signed digest (the
// tag dropped: "FROM busybox@sha256:..."); scratch and images by digest
// alone stay. Only the line's first word after FROM is looked at, as the
// reference does (a flag there is a bad reference). Lines are re-joined
// with "\n", as the reference writes them.
func resolveFrom(ctx context.Context, configDir string, dockerfile []byte) ([]byte, error) {
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(dockerfile))
	for sc.Scan() {
		line := sc.Text()
		pinned, err := pinFrom(ctx, configDir, line)
		if err != nil {
			return nil, err
		}
		out.WriteString(pinned)
		out.WriteByte('\n')
	}
	return out.Bytes(), sc.Err()
}

// pinFrom is one Dockerfile line with its FROM image pinned.
func pinFrom(ctx context.Context, configDir, line string) (string, error) {
	fields := strings.Fields(line)
	if len(fields) < 2 || !strings.EqualFold(fields[0], "FROM") {
		return line, nil
	}
	image, _, _ := strings.Cut(fields[1], "#")
	if image == "scratch" || image == "" {
		return line, nil
	}
	named, err := reference.ParseNormalizedNamed(image)
	if err != nil {
		return "", err
	}
	tagged, ok := reference.TagNameOnly(named).(reference.Tagged)
	if !ok {
		return line, nil // a digest alone
	}
	digest, err := trust.Resolve(ctx, configDir, reference.Domain(named), named.Name(), tagged.Tag())
	if err != nil {
		return "", err
	}
	// The image word ends at the first blank or '#' after FROM.
	start := strings.Index(line, fields[1])
	end := start + len(image)
	return "FROM " + reference.FamiliarName(named) + "@" + digest + line[end:], nil
}
