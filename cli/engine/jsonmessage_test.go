package engine

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestJSONMessageDecoder(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []JSONMessage
		wantErr string // "" means a clean io.EOF after want
	}{
		{
			name: "pull stream",
			in: `{"status":"Pulling from compat/busybox","id":"1"}
{"status":"Already exists","progressDetail":{},"id":"0fc85d437f84"}
{"status":"Downloading","progressDetail":{"current":98304,"total":7002336},"progress":"[>  ]   98.3kB/7.002MB","id":"a17163dc31b2"}
`,
			want: []JSONMessage{
				{Status: "Pulling from compat/busybox", ID: "1"},
				{Status: "Already exists", ProgressDetail: &JSONProgress{}, ID: "0fc85d437f84"},
				{Status: "Downloading", ProgressDetail: &JSONProgress{Current: 98304, Total: 7002336}, Progress: "[>  ]   98.3kB/7.002MB", ID: "a17163dc31b2"},
			},
		},
		{
			name: "all fields",
			in: `{"stream":"s","status":"st","progressDetail":{"current":1,"total":2,"start":3,"hidecounts":true,"units":"layers"},` +
				`"id":"i","from":"f","time":5,"timeNano":6,"errorDetail":{"code":7,"message":"m"},"error":"m","aux":{"Digest":"sha256:x"}}`,
			want: []JSONMessage{{
				Stream: "s", Status: "st", ProgressDetail: &JSONProgress{Current: 1, Total: 2, Start: 3, HideCounts: true, Units: "layers"},
				ID: "i", From: "f", Time: 5, TimeNano: 6, ErrorDetail: &JSONError{Code: 7, Message: "m"}, Error: "m",
				Aux: []byte(`{"Digest":"sha256:x"}`),
			}},
		},
		{
			name: "empty error detail is still an error, null ones are absent",
			in:   `{"errorDetail":{}} {"errorDetail":null,"progressDetail":null,"aux":null}`,
			want: []JSONMessage{{ErrorDetail: &JSONError{}}, {}},
		},
		{
			name: "objects glued together and a previous message's fields not carried over",
			in:   `{"status":"a","id":"x","progressDetail":{"current":1}}{"status":"b"}`,
			want: []JSONMessage{{Status: "a", ID: "x", ProgressDetail: &JSONProgress{Current: 1}}, {Status: "b"}},
		},
		{
			name:    "truncated",
			in:      `{"status":"a"}{"status":"tru`,
			want:    []JSONMessage{{Status: "a"}},
			wantErr: "unexpected EOF",
		},
		{
			name:    "garbage",
			in:      "{\"status\":\"a\"}\ngarbage",
			want:    []JSONMessage{{Status: "a"}},
			wantErr: "invalid character 'g' looking for beginning of value",
		},
		{name: "empty", in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewJSONMessageDecoder(strings.NewReader(tt.in))
			var got []JSONMessage
			var err error
			for {
				var m JSONMessage
				if err = d.Next(&m); err != nil {
					break
				}
				got = append(got, m)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if tt.wantErr == "" && !errors.Is(err, io.EOF) || tt.wantErr != "" && err.Error() != tt.wantErr {
				t.Errorf("final error %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestJSONMessageDecoderStreams(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	d := NewJSONMessageDecoder(pr)
	go func() { _, _ = io.WriteString(pw, `{"status":"first"}`+"\n") }()
	got := make(chan string, 1)
	go func() {
		var m JSONMessage
		if err := d.Next(&m); err != nil {
			got <- err.Error()
			return
		}
		got <- m.Status
	}()
	select {
	case s := <-got:
		if s != "first" {
			t.Fatalf("got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("first message not decoded while the stream stays open")
	}
}

func TestJSONErrorIsBare(t *testing.T) {
	var err error = &JSONError{Code: 1, Message: "no basic auth credentials"}
	if err.Error() != "no basic auth credentials" {
		t.Fatal(err.Error())
	}
}
