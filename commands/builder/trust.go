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
// images resolved through their notary servers first. This client cannot
// verify what a notary server returns, so a FROM that needs resolving
// fails the upload (and the daemon never gets the Dockerfile), as an
// unreachable server does with the reference.
func trustedContext(ctx context.Context, in io.ReadCloser, dockerfile string) io.ReadCloser {
	if dockerfile == "" {
		dockerfile = "Dockerfile"
	}
	pr, pw := io.Pipe()
	go func() {
		err := rewriteTar(pw, in, func(name string, content []byte) error {
			if path.Clean(name) != path.Clean(dockerfile) {
				return nil
			}
			return resolveFrom(ctx, content)
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

// rewriteTar copies the tar on r to w one whole entry at a time, asking
// check about each regular file first.
func rewriteTar(w io.Writer, r io.Reader, check func(name string, content []byte) error) error {
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
			if err := check(hdr.Name, content); err != nil {
				return err
			}
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
// names a tag (or no tag: latest); scratch and images by digest alone
// need nothing. Only the line's first word after FROM is looked at, as
// the reference does (a flag there is a bad reference).
func resolveFrom(ctx context.Context, dockerfile []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(dockerfile))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || !strings.EqualFold(fields[0], "FROM") {
			continue
		}
		image, _, _ := strings.Cut(fields[1], "#")
		if image == "scratch" || image == "" {
			continue
		}
		named, err := reference.ParseNormalizedNamed(image)
		if err != nil {
			return err
		}
		if _, ok := reference.TagNameOnly(named).(reference.Tagged); !ok {
			continue // a digest alone
		}
		if err := trust.Check(ctx, reference.Domain(named), named.Name()); err != nil {
			return err
		}
	}
	return sc.Err()
}
