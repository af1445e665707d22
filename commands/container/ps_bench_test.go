package container

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/container"
)

// psBenchList is a daemon reply listing n containers like the bench's.
func psBenchList(n int) []byte {
	var b strings.Builder
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Id":"%064x","Names":["/bx-c%d"],"Image":"compat-busybox:latest","ImageID":"sha256:%064x","Command":"true","Created":1700000000,"Ports":[],"Labels":{},"State":"created","Status":"Created","HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{"bridge":{"IPAMConfig":null,"Links":null,"NetworkID":"x"}}},"Mounts":[]}`, i, i, i)
	}
	b.WriteByte(']')
	return []byte(b.String())
}

func BenchmarkPsTemplateTable(b *testing.B) {
	data := psBenchList(300)
	for b.Loop() {
		var list []engine.Container
		if err := json.Unmarshal(data, &list); err != nil {
			b.Fatal(err)
		}
		f, _ := format.Parse(formatter.Spec("", false, false), "")
		rows := formatter.NewRows(list, true, time.Now())
		w := format.NewWriter(io.Discard, f, formatter.Header)
		for i := range rows {
			w.Write(&rows[i])
		}
		w.Flush()
	}
}

func BenchmarkPsDefaultTable(b *testing.B) {
	data := psBenchList(300)
	for b.Loop() {
		var list []engine.Container
		if err := json.Unmarshal(data, &list); err != nil {
			b.Fatal(err)
		}
		rows := formatter.NewRows(list, true, time.Now())
		formatter.WriteDefaultTable(io.Discard, rows, false)
	}
}
