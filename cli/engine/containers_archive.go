package engine

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"time"
)

// ContainerExport streams the container's filesystem as a tar archive.
func (c *Client) ContainerExport(ctx context.Context, id string) (io.ReadCloser, error) {
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/export"})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// PathStat describes a path in a container (the X-Docker-Container-Path-Stat header).
type PathStat struct {
	Name       string      `json:"name"`
	Size       int64       `json:"size"`
	Mode       os.FileMode `json:"mode"`
	Mtime      time.Time   `json:"mtime"`
	LinkTarget string      `json:"linkTarget"`
}

const pathStatHeader = "X-Docker-Container-Path-Stat"

func decodePathStat(h http.Header) (PathStat, error) {
	var st PathStat
	v := h.Get(pathStatHeader)
	if v == "" {
		return st, nil
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return st, fmt.Errorf("unable to decode container path stat header: %w", err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("unable to decode container path stat header: %w", err)
	}
	return st, nil
}

func archivePath(id string) string { return "/containers/" + id + "/archive" }

// ContainerStatPath stats a path in a container (HEAD .../archive).
func (c *Client) ContainerStatPath(ctx context.Context, id, path string) (PathStat, error) {
	if err := checkContainerID(&id); err != nil {
		return PathStat{}, err
	}
	resp, err := c.do(ctx, request{method: http.MethodHead, path: archivePath(id), query: url.Values{"path": {path}}})
	if err != nil {
		return PathStat{}, err
	}
	resp.Body.Close()
	return decodePathStat(resp.Header)
}

// CopyFromContainer returns a tar archive of path and the path's stat.
func (c *Client) CopyFromContainer(ctx context.Context, id, path string) (io.ReadCloser, PathStat, error) {
	resp, err := c.do(ctx, request{method: http.MethodGet, path: archivePath(id), query: url.Values{"path": {path}}})
	if err != nil {
		return nil, PathStat{}, err
	}
	st, err := decodePathStat(resp.Header)
	if err != nil {
		resp.Body.Close()
		return nil, PathStat{}, err
	}
	return resp.Body, st, nil
}

// CopyToContainer extracts the tar archive content into the directory dir
// of a container.
func (c *Client) CopyToContainer(ctx context.Context, id, dir string, content io.Reader, copyUIDGID bool) error {
	q := url.Values{"path": {dir}, "noOverwriteDirNonDir": {"true"}}
	if copyUIDGID {
		q.Set("copyUIDGID", "true")
	}
	h := http.Header{"Content-Type": {"application/x-tar"}}
	return c.doJSON(ctx, request{method: http.MethodPut, path: archivePath(id), query: q, body: content, headers: h}, nil)
}
