package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// An image list decoded element by element is what decoding the reply whole gives,
// error text included, whatever the daemon sends.
func TestGetListMatchesWholeDecode(t *testing.T) {
	bodies := []string{
		`[{"Id":"a","RepoTags":["x:1"],"Created":3},{"Id":"b","Labels":{"k":"v"}}]`,
		" \n[ ]",
		`[]`,
		`null`,
		``,
		`{}`,
		`"text"`,
		`[{"Id":"a"}`,
		`[{"Id":"a"},`,
		`[{"Id":"a"},]`,
		`[{"Id":"a"} {"Id":"b"}]`,
		`[{"Id":"a"},{"Created":"soon"}]`,
		`[{"Id":"a","Manifests":[{"ID":"m"}]}]`,
		`[1]`,
		`[{"Id":"a"}x`,
		`[{"Id":"a"}'`,
		`[{"Id":"a"}` + "\x01" + `]`,
		`[{"Id":"a"}"`,
		`[{"Id":"a"},x]`,
		`[{"Id":"a"`,
		`[{"Id":"a"}]]`,
		` [ {"Id":"a"} ,` + "\n" + ` {"Id":"b"} ] `,
		`["a"]`,
		`[{"Id":"a"}] trailing`,
	}
	for _, body := range bodies {
		t.Run(body, func(t *testing.T) {
			d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, body)
			})
			c, _ := New(Options{Host: "unix://" + d.sock})
			got, gotErr := c.ImageList(context.Background(), ImageListOptions{})

			var want []Image
			wantErr := json.NewDecoder(strings.NewReader(body)).Decode(&want)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Fatalf("error %v, decoding whole gives %v", gotErr, wantErr)
			}
			if wantErr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("list %#v, decoding whole gives %#v", got, want)
			}
		})
	}
}
