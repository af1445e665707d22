package engine

import (
	"encoding/json"
	"io"
)

// JSONMessage is one object of the daemon's progress stream (pull, push, import,
// load). Pointers tell "absent" from "empty": an empty progressDetail still makes
// a progress line on a terminal, an empty errorDetail is still an error.
type JSONMessage struct {
	Stream         string        `json:"stream,omitempty"`
	Status         string        `json:"status,omitempty"`
	ProgressDetail *JSONProgress `json:"progressDetail,omitempty"`
	// Progress is the daemon's preformatted bar, deprecated; shown only when
	// progressDetail is absent.
	Progress    string     `json:"progress,omitempty"`
	ID          string     `json:"id,omitempty"`
	From        string     `json:"from,omitempty"`
	Time        int64      `json:"time,omitempty"`
	TimeNano    int64      `json:"timeNano,omitempty"`
	ErrorDetail *JSONError `json:"errorDetail,omitempty"`
	// Error duplicates ErrorDetail.Message and is deprecated: the reference ignores it.
	Error string `json:"error,omitempty"`
	// Aux carries a result (push digest, built image ID); nil when absent or null.
	Aux json.RawMessage `json:"aux,omitempty"`
}

// JSONProgress is the progressDetail of a message.
type JSONProgress struct {
	Current    int64  `json:"current,omitempty"`
	Total      int64  `json:"total,omitempty"`
	Start      int64  `json:"start,omitempty"` // unix seconds; enables the time-left estimate
	HideCounts bool   `json:"hidecounts,omitempty"`
	Units      string `json:"units,omitempty"` // counts are shown as "N/M units" instead of sizes
}

// JSONError is the errorDetail of a message: the operation failed.
type JSONError struct {
	Code    int    `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
}

// Error is the message alone: the CLI prints it bare.
func (e *JSONError) Error() string { return e.Message }

// JSONMessageDecoder reads messages one at a time from a progress stream.
type JSONMessageDecoder struct {
	dec *json.Decoder
}

// NewJSONMessageDecoder decodes the stream r incrementally (it is never read whole).
func NewJSONMessageDecoder(r io.Reader) *JSONMessageDecoder {
	return &JSONMessageDecoder{dec: json.NewDecoder(r)}
}

// Next decodes the next message into m, replacing its contents. It returns io.EOF
// at the clean end of the stream, io.ErrUnexpectedEOF when the stream stops inside
// an object, and the decoder's error for malformed input (the reference prints
// those texts as they are).
func (d *JSONMessageDecoder) Next(m *JSONMessage) error {
	*m = JSONMessage{}
	if err := d.dec.Decode(m); err != nil {
		return err
	}
	if string(m.Aux) == "null" {
		m.Aux = nil
	}
	return nil
}
