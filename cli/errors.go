package cli

import "fmt"

// StatusError carries an exit code; only commands.Main turns errors into codes.
// An empty Msg prints nothing (run passing the container's exit code through).
type StatusError struct {
	Code int
	Msg  string
}

func (e *StatusError) Error() string { return e.Msg }

// Errorf builds a StatusError with a formatted message.
func Errorf(code int, format string, args ...any) *StatusError {
	return &StatusError{Code: code, Msg: fmt.Sprintf(format, args...)}
}
