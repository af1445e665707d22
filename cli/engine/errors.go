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

// IsConnectionFailed reports whether err is any failure to talk to the
// daemon below HTTP: unreachable, refused, or the connection broken.
func IsConnectionFailed(err error) bool {
	var ce *ConnectionError
	var te *TransportError
	return errors.As(err, &ce) || errors.As(err, &te)
}

// TransportError is any other failure below HTTP.
type TransportError struct {
	Msg string
	Err error
}

func (e *TransportError) Error() string { return e.Msg }
func (e *TransportError) Unwrap() error { return e.Err }

// maxErrorBody bounds what is read of an error reply: past it the daemon's
// message is summarized in one line, as the reference does, instead of
// reaching the terminal.
const maxErrorBody = 1 << 20

// ErrorResponse is the daemon's JSON error body. (Its name shows in decode
// errors, which read like the reference's.)
type ErrorResponse struct {
	Message string `json:"message"`
}

// readAPIError decodes the daemon's error reply like the reference: at most
// maxErrorBody bytes are read; a body of exactly application/json is
// {"message": ...} (API 1.24 and newer), anything else is plain text.
func readAPIError(resp *http.Response, u *url.URL, version string) error {
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if err != nil {
		return err
	}
	code := resp.StatusCode
	if len(b) == maxErrorBody {
		return &emptyBodyError{APIError: APIError{StatusCode: code}, text: fmt.Sprintf(
			"request returned %s with a message (> %d bytes) for API route and version %s, check if the server supports the requested API version",
			statusLine(resp), maxErrorBody, u.String())}
	}
	if len(b) == 0 {
		return &emptyBodyError{APIError: APIError{StatusCode: code}, text: fmt.Sprintf(
			"request returned %s for API route and version %s, check if the server supports the requested API version",
			statusLine(resp), u.String())}
	}
	if resp.Header.Get("Content-Type") != "application/json" || version != "" && versionLess(version, "1.24") {
		return &APIError{StatusCode: code, Message: strings.TrimSpace(string(b))}
	}
	var m ErrorResponse
	if err := json.Unmarshal(b, &m); err != nil {
		return &jsonBodyError{APIError: APIError{StatusCode: code}, err: err}
	}
	if m.Message == "" {
		return &APIError{StatusCode: code, Message: fmt.Sprintf(
			"API returned a %d (%s) but provided no error-message", code, http.StatusText(code))}
	}
	return &APIError{StatusCode: code, Message: strings.TrimSpace(m.Message)}
}

// statusLine is the reply's status as the reference prints it ("404 Not Found").
func statusLine(resp *http.Response) string {
	if resp.Status != "" {
		return resp.Status
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
}

// jsonBodyError is an error reply whose JSON does not decode.
type jsonBodyError struct {
	APIError
	err error
}

func (e *jsonBodyError) Error() string {
	return "Error reading JSON: " + strings.ReplaceAll(e.err.Error(), "engine.ErrorResponse", "types.ErrorResponse")
}
func (e *jsonBodyError) Unwrap() error { return &e.APIError }

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
