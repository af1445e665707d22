package progress

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/engine"
)

// TestGolden replays each recorded stream (testdata/NAME.json) and compares the
// bytes with what the reference CLI printed for it, piped and on terminals of
// several widths (see testdata/capture/capture.sh).
func TestGolden(t *testing.T) {
	saved := time.Local
	time.Local = time.UTC // the captures ran with TZ unset
	defer func() { time.Local = saved }()

	goldens, err := filepath.Glob("testdata/*.golden")
	if err != nil || len(goldens) < 20 {
		t.Fatalf("golden files: %v %v", goldens, err)
	}
	re := regexp.MustCompile(`^(.*)\.(pipe|tty(\d+))\.golden$`)
	for _, g := range goldens {
		m := re.FindStringSubmatch(filepath.Base(g))
		if m == nil {
			t.Fatalf("unexpected golden name %s", g)
		}
		name, mode := m[1], m[2]
		t.Run(name+"/"+mode, func(t *testing.T) {
			src, err := os.Open(filepath.Join("testdata", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			want, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			r := Renderer{Out: &out}
			if m[3] != "" {
				r.Terminal = true
				r.Width, _ = strconv.Atoi(m[3])
			}
			if ns, err := os.ReadFile(strings.TrimSuffix(g, ".golden") + ".now"); err == nil {
				n, _ := strconv.ParseInt(strings.TrimSpace(string(ns)), 10, 64)
				r.Now = func() time.Time { return time.Unix(0, n) }
			}
			rerr := r.Render(src)
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("output differs\n got: %q\nwant: %q", out.String(), want)
			}
			wantErr, err := os.ReadFile(filepath.Join("testdata", name+".err"))
			switch {
			case errors.Is(err, os.ErrNotExist):
				if rerr != nil {
					t.Errorf("error %v, want none", rerr)
				}
			case err != nil:
				t.Fatal(err)
			case rerr == nil:
				t.Errorf("no error, want %q", wantErr)
			case strings.TrimSuffix(string(wantErr), "\n") != rerr.Error():
				t.Errorf("error %q, want %q", rerr.Error(), wantErr)
			}
		})
	}
}

func TestBar(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	tests := []struct {
		name  string
		p     engine.JSONProgress
		width int
		want  string
	}{
		{"nothing", engine.JSONProgress{}, 200, ""},
		{"current only", engine.JSONProgress{Current: 1234567}, 200, " 1.235MB"},
		{"current only, units", engine.JSONProgress{Current: 9, Units: "layers"}, 200, "9 layers"},
		{"half", engine.JSONProgress{Current: 50, Total: 100}, 111,
			"[" + strings.Repeat("=", 25) + ">" + strings.Repeat(" ", 25) + "]      50B/100B"},
		{"narrow has no bar", engine.JSONProgress{Current: 50, Total: 100}, 110, "     50B/100B"},
		{"over total", engine.JSONProgress{Current: 150, Total: 100}, 80, "    150B"},
		{"far below zero stays empty", engine.JSONProgress{Current: -300, Total: 100}, 200,
			"[>" + strings.Repeat(" ", 50) + "]    -300B/100B"},
		{"units", engine.JSONProgress{Current: 3, Total: 7, Units: "layers"}, 80, "3/7 layers"},
		{"hidden counts", engine.JSONProgress{Current: 3, Total: 7, HideCounts: true}, 80, ""},
		// 100 s for 250 of 1000 units: 300 s to go.
		{"time left", engine.JSONProgress{Current: 250, Total: 1000, Start: 1_000_000 - 100}, 51, "    250B/1kB 5m0s"},
		{"time left needs width", engine.JSONProgress{Current: 250, Total: 1000, Start: 1_000_000 - 100}, 50, "    250B/1kB"},
		// 7.5 s per unit over 2 units left; 2.7 s per unit over 3 units left.
		{"time left whole", engine.JSONProgress{Current: 2, Total: 4, Start: 1_000_000 - 15}, 80, "      2B/4B 15s"},
		{"time left rounds up", engine.JSONProgress{Current: 3, Total: 6, Start: 1_000_000 - 8}, 80, "      3B/6B 8s"},
		{"time left rounds down", engine.JSONProgress{Current: 3, Total: 4, Start: 1_000_000 - 4}, 80, "      3B/4B 1s"},
		{"no time left when done", engine.JSONProgress{Current: 1000, Total: 1000, Start: 1}, 80, "     1kB/1kB"},
	}
	for _, tt := range tests {
		if got := Bar(&tt.p, tt.width, now); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// flushRecorder counts writes and flushes, like cli.Out on a terminal.
type flushRecorder struct {
	bytes.Buffer
	writes, flushes int
}

func (f *flushRecorder) Write(p []byte) (int, error) { f.writes++; return f.Buffer.Write(p) }
func (f *flushRecorder) Flush() error                { f.flushes++; return nil }

func TestRenderOneWriteAndFlushPerMessage(t *testing.T) {
	in := `{"status":"Pulling from x","id":"1"}
{"status":"Downloading","progressDetail":{"current":1,"total":2},"id":"a"}
{"aux":{"Digest":"sha256:1"}}
{"status":"Done"}`
	out := &flushRecorder{}
	var aux []string
	err := Render(strings.NewReader(in), out, true, 120, func(m json.RawMessage) { aux = append(aux, string(m)) })
	if err != nil {
		t.Fatal(err)
	}
	if out.writes != 3 || out.flushes != 3 {
		t.Errorf("%d writes, %d flushes; want 3 of each", out.writes, out.flushes)
	}
	if len(aux) != 1 || aux[0] != `{"Digest":"sha256:1"}` {
		t.Errorf("aux %q", aux)
	}
}

func TestDiscard(t *testing.T) {
	var aux int
	err := Discard(strings.NewReader(`{"status":"a"}{"aux":{}}{"errorDetail":{"code":1,"message":"denied"}}{"status":"never"}`),
		func(json.RawMessage) { aux++ })
	var jerr *engine.JSONError
	if !errors.As(err, &jerr) || jerr.Message != "denied" || jerr.Code != 1 {
		t.Fatalf("error %v", err)
	}
	if aux != 1 {
		t.Errorf("aux called %d times", aux)
	}
	if err := Discard(strings.NewReader(`{"status":"a"}`), nil); err != nil {
		t.Errorf("clean stream: %v", err)
	}
}

// delayRecorder is a stream that records the read delay it is given.
type delayRecorder struct {
	*strings.Reader
	delay time.Duration
}

func (d *delayRecorder) SetReadDelay(v time.Duration) { d.delay = v }

// Off a terminal the stream may batch its reads; on one it is read live.
func TestReadDelayOffTerminal(t *testing.T) {
	msg := `{"status":"Pulling fs layer","progressDetail":{},"id":"abc"}` + "\n"
	for _, terminal := range []bool{false, true} {
		src := &delayRecorder{Reader: strings.NewReader(msg)}
		r := Renderer{Out: &bytes.Buffer{}, Terminal: terminal, Width: DefaultWidth}
		if err := r.Render(src); err != nil {
			t.Fatal(err)
		}
		if want := map[bool]time.Duration{false: unwatchedReadDelay, true: 0}[terminal]; src.delay != want {
			t.Errorf("terminal=%v: read delay %v, want %v", terminal, src.delay, want)
		}
	}
	src := &delayRecorder{Reader: strings.NewReader(msg)}
	if err := Discard(src, nil); err != nil || src.delay != unwatchedReadDelay {
		t.Errorf("quiet: read delay %v (%v), want %v", src.delay, err, unwatchedReadDelay)
	}
}
