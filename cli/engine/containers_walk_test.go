package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// wholeDecode is how the list was decoded before the walk, the reference.
func wholeDecode(r io.Reader) ([]Container, error) {
	var out []Container
	return out, json.NewDecoder(r).Decode(&out)
}

// sameAsWhole fails unless decodeContainers gives what decoding whole gives:
// the same error text, and the same list when there is no error.
func sameAsWhole(t *testing.T, data []byte) {
	t.Helper()
	got, gotErr := decodeContainers(bytes.NewReader(data))
	want, wantErr := wholeDecode(bytes.NewReader(data))
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("%q: error %v, decoding whole gives %v", data, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got  %#v\n want %#v", data, got, want)
	}
}

// A daemon's reply (ports, labels with escapes, mounts, networks) takes the
// one-pass walk, and it reads what encoding/json reads.
func TestWalkContainersReadsADaemonReply(t *testing.T) {
	data, err := os.ReadFile("testdata/containers.json")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := walkContainers(data)
	if !ok {
		t.Fatal("a daemon's reply did not take the walk")
	}
	want, err := wholeDecode(bytes.NewReader(data))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("walk:\n%#v\nencoding/json (%v):\n%#v", got, err, want)
	}
	if len(got) != 2 || len(got[1].Ports) != 3 || got[1].Labels["a"] != "b&c<d>" || len(got[1].Mounts) != 2 {
		t.Fatalf("unexpected sample: %#v", got)
	}
	sameAsWhole(t, data)
}

var containerBodies = []string{
	`[]`, ` [ ] `, `null`, `{}`, `"x"`, `7`, ``, `[`, `[null]`, `[{}]`, `[{},null]`, `[{}] [`, `[{}] x`,
	`[{"Id":"a","Id":"b"}]`,
	`[{"id":"a"}]`, `[{"ID":"a"}]`, `[{"names":["/x"]}]`, `[{"\u0049d":"a"}]`, `[{"I\u0064":"a","Id":"b"}]`,
	`[{"Ιd":"a"}]`, `[{"Unknown":{"x":[1,{"y":"}]"}]},"Id":"a"}]`, `[{"Other":"\"}","Id":"a"}]`,
	`[{"Id":null,"Names":null,"Ports":null,"Labels":null,"HostConfig":null,"NetworkSettings":null,"Mounts":null}]`,
	`[{"Names":[],"Ports":[],"Labels":{},"Mounts":[]}]`,
	`[{"Names":[null]}]`, `[{"Command":}]`, `[{"Image":1}]`, `[{"State":{}}]`, `[{"Ports":[{"Type":[]}]}]`, `[{"Names":["/a",1]}]`, `[{"Names":"/a"}]`,
	`[{"Created":1e3}]`, `[{"Created":1.0}]`, `[{"Created":-0}]`, `[{"Created":9223372036854775807}]`,
	`[{"Created":9223372036854775808}]`, `[{"Created":"1"}]`, `[{"Created":true}]`,
	`[{"Ports":[{"PrivatePort":80,"PublicPort":65535,"IP":"::","Type":"tcp"}]}]`,
	`[{"Ports":[{"PrivatePort":65536}]}]`, `[{"Ports":[{"PrivatePort":-1}]}]`, `[{"Ports":[null]}]`,
	`[{"Ports":[{"privatePort":1}]}]`, `[{"Ports":[{"PrivatePort":1,"PrivatePort":2}]}]`,
	`[{"Labels":{"k":"v","k":"w"}}]`, `[{"Labels":{"k":null}}]`, `[{"Labels":{"k":1}}]`, `[{"Labels":{"\u00e9":"\u0026"}}]`,
	`[{"Image":"\ud800"}]`, `[{"Image":"a\u0000b"}]`, `[{"Image":"\"quoted\""}]`, "[{\"Image\":\"\xff\xfe\"}]",
	"[{\"Labels\":{\"\xff\":\"v\"}}]", `[{"Command":"\/bin\/sh \\ \t"}]`,
	`[{"HostConfig":{"NetworkMode":"host","Other":[1]}}]`, `[{"HostConfig":{"NetworkMode":null}}]`,
	`[{"HostConfig":{"networkmode":"x"}}]`, `[{"HostConfig":{"NetworkMode":1}}]`, `[{"HostConfig":[]}]`,
	`[{"NetworkSettings":{}}]`, `[{"NetworkSettings":{"Networks":null}}]`, `[{"NetworkSettings":{"Networks":{}}}]`,
	`[{"NetworkSettings":{"Networks":{"a":null,"b":{"IPAddress":"x"},"c":[1],"a":2}}}]`,
	`[{"NetworkSettings":{"networks":{"a":{}}}}]`, `[{"NetworkSettings":{"Ports":{},"Networks":{"a":{}}}}]`,
	`[{"Mounts":[{"Type":"volume","Name":"v","Source":"/s","Destination":"/d","Driver":"local","Mode":"z","RW":true,"Propagation":""}]}]`,
	`[{"Mounts":[{"RW":null},{"RW":false}]}]`, `[{"Mounts":[{"RW":1}]}]`, `[{"Mounts":[{"rw":true}]}]`,
	`[{"ImageManifestDescriptor":{"mediaType":"m","platform":{"architecture":"amd64","os":"linux","os.version":"1","os.features":["a"],"variant":"v"}}}]`,
	`[{"ImageManifestDescriptor":{"platform":null}}]`, `[{"ImageManifestDescriptor":{"Platform":{}}}]`,
	`[{"ImageManifestDescriptor":{"platform":{"OS":"linux"}}}]`, `[{"ImageManifestDescriptor":{"platform":{"os.features":[]}}}]`,
	`[{"ImageManifestDescriptor":null}]`,
	// Invalid where the walk only skips or checks: encoding/json's errors.
	`[{"X":01}]`, `[{"X":-}]`, `[{"X":1.}]`, `[{"X":.5}]`, `[{"X":1e}]`, `[{"X":1E+2,"Y":-0.5e-3}]`, `[{"X":+1}]`,
	`[{"X":nul}]`, `[{"X":tru}]`, `[{"X":fals}]`, `[{"Id":nulll}]`, `[{"Id":nul}]`, `[{"RW":tru}]`, `[{"Mounts":[{"RW":tru}]}]`,
	"[{\"X\":\"a\x01b\"}]", "[{\"Image\":\"a\x1fb\"}]", "[{\"Image\":\"a\x7fb\"}]", `[{"X":"\q"}]`, `[{"X":"\u12G4"}]`, `[{"X":"\u12"}]`,
	`[{"X":[1,]}]`, `[{"X":{"a":1,}}]`, `[{"X":{"a" 1}}]`, `[{"X":{1:2}}]`, `[{"Id":null}x]`, `[{"Id":"a"}]x`,
	`[{"Created":-01}]`, `[{"Created":-0.0}]`, `[{"Created":00}]`, `[{"X":[[[]]],"Id":"a"}]`, "[{\"Id\":\"a\"}]\x00",
	"[{\"X\":" + strings.Repeat("[", 9998) + strings.Repeat("]", 9998) + "}]",
	"[{\"X\":" + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + "}]",
	"[{\"X\":" + strings.Repeat(`{"a":`, 9999) + "1" + strings.Repeat("}", 9999) + "}]",
}

// Whatever the daemon sends, the list and the error are those of decoding
// the reply whole.
func TestDecodeContainersMatchesEncodingJSON(t *testing.T) {
	for _, body := range containerBodies {
		sameAsWhole(t, []byte(body))
	}
}

// A reply cut by a read error decodes as it did when read as it came: a
// complete list before the error is kept, a partial one reports the error.
func TestDecodeContainersReadError(t *testing.T) {
	broken := errors.New("connection reset")
	for _, body := range []string{`[{"Id":"a"}]`, `[{"Id":"a"},{"Id"`, ``} {
		got, gotErr := decodeContainers(io.MultiReader(bytes.NewReader([]byte(body)), iotest.ErrReader(broken)))
		want, wantErr := wholeDecode(io.MultiReader(bytes.NewReader([]byte(body)), iotest.ErrReader(broken)))
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || (wantErr == nil && !reflect.DeepEqual(got, want)) {
			t.Errorf("%q: %#v, %v; whole: %#v, %v", body, got, gotErr, want, wantErr)
		}
	}
}
