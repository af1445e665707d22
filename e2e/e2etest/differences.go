package e2etest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// What differs between the engines and API versions the suites run against
// (Docker, Podman; make test-matrix): tests check what the engine under test
// really does rather than one engine's answer.

// Set by ping: whether the engine's /_ping carries Libpod-Api-Version (it
// is Podman), says Docker-Experimental: true, and its Api-Version.
var (
	podman       bool
	experimental bool
	engineAPI    string
)

// Podman reports whether the engine under test is Podman, whose Docker API
// differs from Docker's in places (messages, image names, list order).
func Podman() bool { return podman }

// Experimental reports whether the engine's /_ping announces experimental
// features, as clients read it (Podman always does).
func Experimental() bool { return experimental }

// DaemonError is the engine's refusal of a request that must fail (body,
// if any, sent as JSON), as the binary prints it: "Error response from
// daemon: <message>".
func DaemonError(t testing.TB, method, path string, body ...any) string {
	t.Helper()
	var b any
	if len(body) > 0 {
		b = body[0]
	}
	// At the binary's version: some messages name the path (Podman's
	// "Path /v1.41/plugins is not supported").
	code, reply := API(t, method, "/v"+APIVersion()+path, b)
	if code < 400 {
		t.Fatalf("engine %s %s: want an error, got %d %s", method, path, code, reply)
	}
	var e struct{ Message string }
	if json.Unmarshal(reply, &e) != nil {
		e.Message = strings.TrimSpace(string(reply)) // a plain-text reply: "Not Found"
	}
	return "Error response from daemon: " + strings.TrimSpace(e.Message)
}

// StreamError is what the binary prints when the engine refuses a pull or
// push (path: "/images/create?fromImage=...&tag=..." or
// "/images/<name>/push?tag=..."): the daemon's error, or the error its
// progress stream ends with (Podman answers 200 and reports it there).
// login sends the registry's credentials, as after `docker login`.
func StreamError(t testing.TB, path string, login bool) string {
	t.Helper()
	auth := "{}"
	if login {
		addr, user, pass := Registry(t)
		b, _ := json.Marshal(map[string]string{"username": user, "password": pass, "serveraddress": addr})
		auth = string(b)
	}
	client, base, err := engineHTTP()
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Registry-Auth", base64.URLEncoding.EncodeToString([]byte(auth)))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("engine POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 {
		var e struct{ Message string }
		_ = json.Unmarshal(body, &e)
		return "Error response from daemon: " + e.Message
	}
	for dec := json.NewDecoder(bytes.NewReader(body)); ; {
		var m struct {
			ErrorDetail *struct{ Message string } `json:"errorDetail"`
		}
		if dec.Decode(&m) != nil {
			t.Fatalf("engine POST %s: no error in %s", path, body)
		}
		if m.ErrorDetail != nil {
			return m.ErrorDetail.Message
		}
	}
}

// NoSuchContainer is the engine's error for a container that does not exist.
func NoSuchContainer(t testing.TB, name string) string {
	t.Helper()
	return DaemonError(t, http.MethodGet, "/containers/"+name+"/json")
}

// RepoTag is the tag ref ("busybox:latest") as the engine lists it in
// RepoTags: Podman qualifies it ("docker.io/library/busybox:latest").
func RepoTag(t testing.TB, ref string) string {
	t.Helper()
	code, body := API(t, http.MethodGet, "/images/"+ref+"/json", nil)
	var img struct{ RepoTags []string }
	if code != http.StatusOK || json.Unmarshal(body, &img) != nil {
		t.Fatalf("engine GET /images/%s/json: %d %s", ref, code, body)
	}
	for _, tag := range img.RepoTags {
		if tag == ref || strings.HasSuffix(tag, "/"+ref) {
			return tag
		}
	}
	t.Fatalf("%s is not among the RepoTags of its image: %q", ref, img.RepoTags)
	return ""
}

// SortRows sorts the rows of a table after its header line, for engines
// whose list order is not stable (Podman's).
func SortRows(table string) string {
	if !podman {
		return table
	}
	header, rows, _ := strings.Cut(table, "\n")
	lines := strings.Split(strings.TrimSuffix(rows, "\n"), "\n")
	slices.Sort(lines)
	return header + "\n" + strings.Join(lines, "\n") + "\n"
}

// newestAPI is the newest API version the binary speaks.
const newestAPI = "1.50"

// APIVersion is the API version the binary speaks in the runs: the one
// E2E_API_VERSION pins, else the one it negotiates (the engine's, at most
// the binary's newest).
func APIVersion() string {
	switch {
	case apiVersion != "":
		return apiVersion
	case engineAPI == "":
		return "1.24" // an engine that does not say
	case APIOlder(newestAPI, engineAPI):
		return newestAPI
	}
	return engineAPI
}

// APIBelow reports whether the runs speak an API version older than v:
// what needs v is refused or left out.
func APIBelow(v string) bool { return APIOlder(APIVersion(), v) }

// IfAPI returns args when the runs speak API version v or newer, else
// nothing: a test leaves out the flags an older API lacks (their refusal is
// tested on its own) and still checks the rest at every version.
func IfAPI(v string, args ...string) []string {
	if APIBelow(v) {
		return nil
	}
	return args
}

// Refusal is the reference's message for a flag that needs API version v,
// given at the version the runs speak.
func Refusal(flag, v string) string {
	return fmt.Sprintf("%q requires API version %s, but the Docker daemon API version is %s\n", flag, v, APIVersion())
}

// APIOlder compares dotted API versions numerically.
func APIOlder(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}
