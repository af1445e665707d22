package engine

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// The query as the reference sends it (seen through a logging proxy):
// defaults left out, rm=0 only when turned off, lists as JSON or repeated.
func TestBuildQuery(t *testing.T) {
	home := "/root"
	tests := []struct {
		name string
		o    BuildOptions
		want string
	}{
		{"defaults", BuildOptions{Dockerfile: "Dockerfile", Remove: true, NetworkMode: "default"},
			"dockerfile=Dockerfile&version=1"},
		{"stdin context", BuildOptions{Remove: true},
			"version=1"},
		{"every flag", BuildOptions{
			Tags: []string{"a", "a:two"}, Dockerfile: "Dockerfile", Quiet: true, NoCache: true, Pull: true,
			ForceRemove: true, Squash: true, Target: "x", Platform: "linux/amd64", NetworkMode: "host",
			Isolation: "process", CgroupParent: "foo", CPUSetCPUs: "0", CPUSetMems: "0", CPUShares: 5,
			CPUQuota: 50000, CPUPeriod: 100000, Memory: 104857600, MemorySwap: -1, ShmSize: 67108864,
			ExtraHosts: []string{"h:1.2.3.4"}, SecurityOpt: []string{"seccomp=unconfined"},
			CacheFrom: []string{"busybox"}, Ulimits: []*Ulimit{{Name: "nofile", Soft: 100, Hard: 200}},
			BuildArgs: map[string]*string{"HOME": &home, "UNSET": nil}, Labels: map[string]string{"a": "b"},
		}, "buildargs=%7B%22HOME%22%3A%22%2Froot%22%2C%22UNSET%22%3Anull%7D&cachefrom=%5B%22busybox%22%5D" +
			"&cgroupparent=foo&cpuperiod=100000&cpuquota=50000&cpusetcpus=0&cpusetmems=0&cpushares=5" +
			"&dockerfile=Dockerfile&extrahosts=h%3A1.2.3.4&forcerm=1&isolation=process&labels=%7B%22a%22%3A%22b%22%7D" +
			"&memory=104857600&memswap=-1&networkmode=host&nocache=1&platform=linux%2Famd64&pull=1&q=1&rm=0" +
			"&securityopt=seccomp%3Dunconfined&shmsize=67108864&squash=1&t=a&t=a%3Atwo&target=x" +
			"&ulimits=%5B%7B%22Name%22%3A%22nofile%22%2C%22Hard%22%3A200%2C%22Soft%22%3A100%7D%5D&version=1"},
		{"default isolation is left out", BuildOptions{Remove: true, Isolation: "default"}, "version=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := tt.o.query()
			if err != nil {
				t.Fatal(err)
			}
			if got := q.Encode(); got != tt.want {
				t.Errorf("query\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestImageBuildSendsContextAndRegistryConfig(t *testing.T) {
	var gotBody, gotType, gotConfig, gotPath string
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		gotBody, gotType, gotConfig = string(b), r.Header.Get("Content-Type"), r.Header.Get("X-Registry-Config")
		gotPath = r.URL.Path + "?" + r.URL.RawQuery
		io.WriteString(w, `{"stream":"Step 1/1 : FROM scratch\n"}`)
	})
	c, err := New(Options{Host: "unix://" + d.sock})
	if err != nil {
		t.Fatal(err)
	}
	body, err := c.ImageBuild(context.Background(), strings.NewReader("tar bytes"), BuildOptions{Remove: true, RegistryConfig: "e30="})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(body)
	body.Close()
	if gotBody != "tar bytes" || gotType != "application/x-tar" || gotConfig != "e30=" || gotPath != "/v1.41/build?version=1" {
		t.Errorf("daemon got %s body %q type %q config %q", gotPath, gotBody, gotType, gotConfig)
	}
	if !strings.Contains(string(out), "Step 1/1") {
		t.Errorf("stream %q", out)
	}
}

func TestBuildCachePruneQuery(t *testing.T) {
	var got []string
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.URL.RawQuery)
		io.WriteString(w, `{"CachesDeleted":["a"],"SpaceReclaimed":3}`)
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	if _, err := c.BuildCachePrune(context.Background(), BuildCachePruneOptions{}); err != nil {
		t.Fatal(err)
	}
	f := Filters{}
	f.Add("until", "24h")
	r, err := c.BuildCachePrune(context.Background(), BuildCachePruneOptions{All: true, KeepStorage: 10485760, Filters: f})
	if err != nil || r.SpaceReclaimed != 3 || len(r.Deleted) != 1 {
		t.Fatalf("report %+v, %v", r, err)
	}
	want := []string{"filters=", "all=1&filters=%7B%22until%22%3A%7B%2224h%22%3Atrue%7D%7D&keep-storage=10485760"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("queries %q, want %q", got, want)
	}
}
