package cli

import "runtime"

// Stamped at build time with -ldflags -X.
var (
	Version   = "28.2.2"
	GitCommit = "unknown"
	BuildTime = "" // RFC3339
)

// UserAgent is sent on every request.
func UserAgent() string { return "Docker-Client/" + Version + " (" + runtime.GOOS + ")" }
