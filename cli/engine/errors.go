package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// APIError is an error status returned by the daemon.
type APIError struct {
	StatusCode int
	Message    string
}

func (e *APIError) Error() string { return "Error response from daemon: " + e.Message }

// IsNotFound reports whether err is the daemon's 404.
func IsNotFound(err error) bool {
	var e *APIError
	var o objectNotFoundError
	return errors.As(err, &e) && e.StatusCode == http.StatusNotFound || errors.As(err, &o)
}

// IsStatus reports whether err is a daemon error with the given status.
func IsStatus(err error, code int) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode == code
}

// ConnectionError means the daemon could not be reached at all.
type ConnectionError struct {
	Host string
	Err  error
}

func (e *ConnectionError) Error() string {
	return fmt.Sprintf("Cannot connect to the Docker daemon at %s. Is the docker daemon running?", e.Host)
}

func (e *ConnectionError) Unwrap() error { return e.Err }

// IsConnectionError reports whether err means the daemon is unreachable.
func IsConnectionError(err error) bool {
	var e *ConnectionError
	return errors.As(err, &e)
}

// TransportError is any other failure below HTTP.
type TransportError struct {
	Msg string
	Err error
}

func (e *TransportError) Error() string { return e.Msg }
func (e *TransportError) Unwrap() error { return e.Err }

// readAPIError decodes the daemon's error body: {"message": ...} or plain text.
func readAPIError(resp *http.Response, u *url.URL) error {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if len(b) == 0 {
		return &emptyBodyError{APIError: APIError{StatusCode: resp.StatusCode}, text: fmt.Sprintf(
			"request returned %s for API route and version %s, check if the server supports the requested API version",
			http.StatusText(resp.StatusCode), u.String())}
	}
	var m struct {
		Message string `json:"message"`
	}
	msg := strings.TrimSpace(string(b))
	if strings.Contains(resp.Header.Get("Content-Type"), "json") || strings.HasPrefix(msg, "{") {
		if json.Unmarshal(b, &m) == nil && m.Message != "" {
			msg = strings.TrimSpace(m.Message)
		}
	}
	return &APIError{StatusCode: resp.StatusCode, Message: msg}
}

// emptyBodyError is returned for an error status without a body.
type emptyBodyError struct {
	APIError
	text string
}

func (e *emptyBodyError) Error() string { return e.text }
func (e *emptyBodyError) Unwrap() error { return &e.APIError }

// checkContainerID trims the spaces around a container reference, as the
// reference's client does before any request, and refuses what is left empty
// before it becomes a path naming another endpoint (/containers//json is the
// list).
func checkContainerID(id *string) error {
	*id = strings.TrimSpace(*id)
	if *id == "" {
		return errors.New("invalid container name or ID: value is empty")
	}
	return nil
}

// objectNotFoundError is reported, without asking the daemon, for an empty name.
type objectNotFoundError struct{ object, id string }

func (e objectNotFoundError) Error() string {
	return fmt.Sprintf("Error: No such %s: %s", e.object, e.id)
}
