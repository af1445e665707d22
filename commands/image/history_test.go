package image

import (
	"fmt"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest"
	"github.com/dockerclone/docker/cli/engine"
)

func TestHistory(t *testing.T) {
	at := time.Now().Add(-3 * time.Hour).Unix()
	body := fmt.Sprintf(`[{"Comment":"my msg","Created":%d,"CreatedBy":"sh -c echo a > /a;\thead -c 3000 /dev/zero > /b","Id":"sha256:e6ba9b2e7cdbed04a84e2ca62bccc7f5b3e9e4a1a27d5677fba9eeb08ef0433a","Size":3002,"Tags":["hx:1"]},`+
		`{"Comment":"","Created":%d,"CreatedBy":"","Id":"<missing>","Size":0,"Tags":null}]`, at, at)
	rfc := time.Unix(at, 0).Format(time.RFC3339)
	tests := []struct {
		name             string
		args             []string
		wantOut, wantErr string
	}{
		{name: "human table", args: []string{"hx:1"},
			wantOut: "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n" +
				"e6ba9b2e7cdb   3 hours ago   sh -c echo a > /a; head -c 3000 /dev/zero > …   3kB       my msg\n" +
				"<missing>      3 hours ago                                                   0B        \n"},
		{name: "not human: dates and bytes", args: []string{"-H=false", "--no-trunc", "--format", "table {{.ID}}\t{{.CreatedSince}}\t{{.Size}}", "hx:1"},
			wantOut: "IMAGE                                                                     " + fmt.Sprintf("%-*s", len(rfc)+3, "CREATED") + "SIZE\n" +
				"sha256:e6ba9b2e7cdbed04a84e2ca62bccc7f5b3e9e4a1a27d5677fba9eeb08ef0433a   " + rfc + "   3002\n" +
				"<missing>                                                                 " + rfc + "   0\n"},
		{name: "quiet", args: []string{"-q", "hx:1"}, wantOut: "e6ba9b2e7cdb\n<missing>\n"},
		{name: "json", args: []string{"--format", "json", "hx:1"},
			wantOut: `{"Comment":"my msg","CreatedAt":"` + rfc + `","CreatedBy":"sh -c echo a \u003e /a; head -c 3000 /dev/zero \u003e …","CreatedSince":"3 hours ago","ID":"e6ba9b2e7cdb","Size":"3kB"}` + "\n" +
				`{"Comment":"","CreatedAt":"` + rfc + `","CreatedBy":"","CreatedSince":"3 hours ago","ID":"\u003cmissing\u003e","Size":"0B"}` + "\n"},
		{name: "row type in errors", args: []string{"--format", "{{.Foo}}", "hx:1"},
			wantErr: `template parsing error: template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type *image.historyContext`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/hx:1/history": {Body: body}}}
			r := clitest.Run(t, e, clitest.Options{}, newHistoryCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if r.Out != tt.wantOut {
				t.Errorf("stdout:\n%q\nwant:\n%q", r.Out, tt.wantOut)
			}
			checkRequests(t, e, "GET /images/hx:1/history")
		})
	}
}

// TestHistoryOldDates checks layers dated at or before 2000-01-01 (an unset
// time, SOURCE_DATE_EPOCH=0) read N/A, only in the human form.
func TestHistoryOldDates(t *testing.T) {
	tests := []struct {
		created int64
		human   string
	}{
		{-62135596800, "N/A"},
		{0, "N/A"},
		{946684800, "N/A"},
		{946684801, "26 years ago"},
	}
	now := func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }
	for _, tt := range tests {
		h := &engine.HistoryItem{Created: tt.created}
		human := &historyContext{h: h, human: true, now: now}
		plain := &historyContext{h: h, now: now}
		if got := human.CreatedSince(); got != tt.human {
			t.Errorf("created %d: CreatedSince = %q, want %q", tt.created, got, tt.human)
		}
		if got, want := plain.CreatedSince(), time.Unix(tt.created, 0).Format(time.RFC3339); got != want {
			t.Errorf("created %d: CreatedSince without -H = %q, want %q", tt.created, got, want)
		}
	}
}

// TestHistoryIDWithoutAlgorithm: Podman sends image IDs without "sha256:";
// they are shortened all the same.
func TestHistoryIDWithoutAlgorithm(t *testing.T) {
	for _, tt := range []struct{ id, trunc string }{
		{"57dba0c0684538f9e778724d32ebf9c66e9d15ab611c26e3c1b53c3e7bb37f41", "57dba0c06845"},
		{"sha256:57dba0c0684538f9e778724d32ebf9c66e9d15ab611c26e3c1b53c3e7bb37f41", "57dba0c06845"},
		{"<missing>", "<missing>"},
	} {
		h := &engine.HistoryItem{ID: tt.id}
		if got := (&historyContext{h: h, trunc: true}).ID(); got != tt.trunc {
			t.Errorf("ID(%q) = %q, want %q", tt.id, got, tt.trunc)
		}
		if got := (&historyContext{h: h}).ID(); got != tt.id {
			t.Errorf("--no-trunc ID(%q) = %q", tt.id, got)
		}
	}
}
