package engine

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
)

// Event is one message of GET /events; the JSON field order and names are
// what `events --format json` prints.
type Event struct {
	Status   string `json:"status,omitempty"`
	ID       string `json:"id,omitempty"`
	From     string `json:"from,omitempty"`
	Type     string
	Action   string
	Actor    EventActor
	Scope    string `json:"scope"`
	Time     int64  `json:"time"`
	TimeNano int64  `json:"timeNano"`
}

// EventActor is the object an event is about.
type EventActor struct {
	ID         string
	Attributes map[string]string
}

// EventsOptions are the query of GET /events: since and until as the
// daemon takes them (unix seconds, with an optional fraction).
type EventsOptions struct {
	Since, Until string
	Filters      Filters
}

// EventStream decodes events one at a time as they arrive: nothing is
// buffered beyond the decoder's window, so a long-running stream keeps a
// constant footprint.
type EventStream struct {
	body io.ReadCloser
	dec  *json.Decoder
}

// Events opens the event stream; the daemon ends it at Until (never
// without one). Close it when done.
func (c *Client) Events(ctx context.Context, o EventsOptions) (*EventStream, error) {
	q := url.Values{}
	if o.Since != "" {
		q.Set("since", o.Since)
	}
	if o.Until != "" {
		q.Set("until", o.Until)
	}
	o.Filters.encode(q)
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/events", query: q})
	if err != nil {
		return nil, err
	}
	return &EventStream{body: resp.Body, dec: json.NewDecoder(resp.Body)}, nil
}

// Next returns the next event; io.EOF when the daemon ended the stream.
func (s *EventStream) Next() (Event, error) {
	var e Event
	err := s.dec.Decode(&e)
	return e, err
}

// Close ends the stream.
func (s *EventStream) Close() error { return s.body.Close() }
