//go:build e2e

package image

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestImageGroupHelpOnStderr(t *testing.T) {
	r := e2etest.RunOK(t, "image")
	if r.Stdout != "" || !strings.HasPrefix(r.Stderr, "Usage:  docker image COMMAND\n") {
		t.Errorf("docker image without a subcommand: %s", r)
	}
}

func TestImagesHintOnlyTopLevel(t *testing.T) {
	r := e2etest.RunOK(t, "images", "pull")
	if !strings.Contains(r.Stderr, `No images found matching "pull": did you mean "docker image pull"?`) {
		t.Errorf("docker images pull: %s", r)
	}
	r = e2etest.RunOK(t, "image", "ls", "pull")
	if r.Stderr != "" {
		t.Errorf("docker image ls pull gave a hint: %s", r)
	}
}

// TestRemoveForce: with -f, missing images are reported after what was
// removed and do not fail; a real failure makes every error fatal.
func TestRemoveForce(t *testing.T) {
	name := e2etest.ImageName(t, "hx-rmf")
	e2etest.RunOK(t, "tag", e2etest.Image, name)
	untagged := "Untagged: " + e2etest.RepoTag(t, name+":latest") + "\n"
	noSuch := func(img string) string {
		return e2etest.DaemonError(t, http.MethodDelete, "/images/"+img+"?force=1") + "\n"
	}
	r := e2etest.RunOK(t, "rmi", "-f", "hx-missing-1", name, "hx-missing-2")
	if r.Stdout != untagged || r.Stderr != noSuch("hx-missing-1")+noSuch("hx-missing-2") {
		t.Errorf("rmi -f with missing images: %s", r)
	}

	img := e2etest.ImageName(t, "hx-rmf-used")
	ctr := e2etest.ContainerName(t, "hx-rmf")
	e2etest.RunOK(t, "create", "--name", ctr, e2etest.Image, "true")
	e2etest.RunOK(t, "commit", ctr, img)
	used := e2etest.ContainerName(t, "hx-rmf-run")
	e2etest.RunOK(t, "run", "-d", "--name", used, img, "sleep", "60")
	id := strings.TrimSpace(e2etest.RunOK(t, "inspect", "-f", "{{.Image}}", used).Stdout)
	r = e2etest.Run(t, "rmi", "-f", "hx-missing-1", id)
	if e2etest.Podman() {
		// Podman's force removes the containers using the image too: no
		// real failure, the missing image is reported and passed over.
		if r.Code != 0 || r.Stderr != noSuch("hx-missing-1") || e2etest.Exists(t, "containers", used) {
			t.Errorf("rmi -f with a missing and a used image: %s", r)
		}
		return
	}
	lines := strings.Split(strings.TrimSuffix(r.Stderr, "\n"), "\n")
	if r.Code != 1 || len(lines) != 2 || lines[0]+"\n" != noSuch("hx-missing-1") ||
		!strings.Contains(lines[1], "(cannot be forced) - image is being used by running container") {
		t.Errorf("rmi -f with a missing and a used image: %s", r)
	}
}

// TestImagesDigestField: a layout naming {{.Digest}} shows tagged rows'
// digests without --digests; --digests adds a DIGEST column to a table.
func TestImagesDigestField(t *testing.T) {
	ref := e2etest.RegistryImage(t)
	repo := strings.TrimSuffix(ref, ":latest")
	e2etest.CleanupImage(t, ref)
	login(t)
	e2etest.RunOK(t, "pull", "-q", ref)

	// The rows as the engine lists them: Docker the pulled tag with its
	// digest; Podman every tag of the image (pushed from the fixture, it is
	// the fixture), each with every digest it has for its repository.
	var imgs []struct{ RepoTags, RepoDigests []string }
	_, body := e2etest.API(t, http.MethodGet, `/images/json?filters={"reference":{"`+repo+`":true}}`, nil)
	if json.Unmarshal(body, &imgs) != nil {
		t.Fatalf("engine images: %s", body)
	}
	// An image of the repository with no tag left (pushed or pulled by
	// digest earlier) is listed too: "<none>", its digest only in the
	// DIGEST column.
	var tagged, digested, untagged []string
	for _, img := range imgs {
		for _, rt := range img.RepoTags {
			name, tag := rt[:strings.LastIndex(rt, ":")], rt[strings.LastIndex(rt, ":")+1:]
			tagged = append(tagged, tag+" <none>")
			for _, rd := range img.RepoDigests {
				if n, d, _ := strings.Cut(rd, "@"); n == name {
					digested = append(digested, tag+" "+d)
				}
			}
		}
		for _, rd := range img.RepoDigests {
			if n, d, _ := strings.Cut(rd, "@"); n == repo && len(img.RepoTags) == 0 {
				untagged = append(untagged, "<none> "+d)
			}
		}
	}
	if !e2etest.Podman() && (len(digested) != 1 || !regexp.MustCompile(`^latest sha256:[0-9a-f]{64}$`).MatchString(digested[0])) {
		t.Fatalf("engine's rows for %s: %q", repo, digested)
	}
	for range untagged {
		tagged = append(tagged, "<none>")
	}
	digestField := slices.Concat(digested, tagged[len(tagged)-len(untagged):])
	digestColumn := slices.Concat(digested, untagged)
	sorted := func(out string) string { // lines in order, spaces squeezed
		l := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for i := range l {
			l[i] = strings.Join(strings.Fields(l[i]), " ")
		}
		slices.Sort(l)
		return strings.Join(l, "\n")
	}

	r := e2etest.RunOK(t, "images", "--format", "{{.Tag}} {{.Digest}}", repo)
	if sorted(r.Stdout) != sorted(strings.Join(digestField, "\n")) {
		t.Errorf("{{.Digest}} without --digests: %q, want %q", r.Stdout, digestField)
	}
	r = e2etest.RunOK(t, "images", "--format", "{{.Tag}} {{ .Digest }}", repo)
	if sorted(r.Stdout) != sorted(strings.Join(tagged, "\n")) {
		t.Errorf("{{ .Digest }} without --digests: %q, want %q", r.Stdout, tagged)
	}
	r = e2etest.RunOK(t, "images", "--digests", "--format", "table {{.Tag}}", repo)
	header, rows, _ := strings.Cut(r.Stdout, "\n")
	if !regexp.MustCompile(`^TAG +DIGEST$`).MatchString(header) || sorted(rows) != sorted(strings.Join(digestColumn, "\n")) {
		t.Errorf("--digests with a table: %q, want %q", r.Stdout, digestColumn)
	}
}

// datedImageTar is a `docker save` archive of a one-layer image tagged ref
// whose config and history are dated created.
func datedImageTar(t *testing.T, ref, created string) string {
	t.Helper()
	layer := oneFileTar(t)
	sum := sha256.Sum256([]byte(layer))
	config, err := json.Marshal(map[string]any{
		"architecture": "amd64", "os": "linux", "created": created,
		"config":  map[string]any{"Cmd": []string{"sh"}},
		"rootfs":  map[string]any{"type": "layers", "diff_ids": []string{"sha256:" + hex.EncodeToString(sum[:])}},
		"history": []map[string]any{{"created": created, "created_by": "hx"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	csum := sha256.Sum256(config)
	configName := hex.EncodeToString(csum[:]) + ".json"
	manifest, _ := json.Marshal([]map[string]any{{"Config": configName, "RepoTags": []string{ref}, "Layers": []string{"l/layer.tar"}}})

	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range []struct{ name, data string }{{configName, string(config)}, {"l/layer.tar", layer}, {"manifest.json", string(manifest)}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.data))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(f.data))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestHistoryOldDates: layers dated at or before 2000 read N/A in CREATED.
func TestHistoryOldDates(t *testing.T) {
	name := e2etest.ImageName(t, "hx-epoch")
	r := e2etest.RunStdin(t, datedImageTar(t, name+":latest", "1970-01-01T00:00:00Z"), "load", "-q")
	if r.Code != 0 {
		t.Fatalf("load: %s", r)
	}
	r = e2etest.RunOK(t, "history", "--format", "{{.CreatedSince}}|{{.CreatedBy}}", name)
	if r.Stdout != "N/A|hx\n" {
		t.Errorf("history of a 1970 layer: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "history", "-H=false", "--format", "{{.CreatedSince}}", name)
	if !strings.HasPrefix(r.Stdout, "1970-01-01T") && !strings.HasPrefix(r.Stdout, "1969-12-31T") {
		t.Errorf("history -H=false of a 1970 layer: %q", r.Stdout)
	}
}
