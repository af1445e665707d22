package cli

import (
	"fmt"
	"time"
)

// LogError prints an error on stderr the way the reference's libraries log
// one (logrus at level error): the archivers that stream a directory to
// the daemon report each file they could not add this way and go on.
func (c *CLI) LogError(format string, args ...any) { c.log("error", format, args...) }

// LogWarning is LogError at level warning.
func (c *CLI) LogWarning(format string, args ...any) { c.log("warning", format, args...) }

func (c *CLI) log(level, format string, args ...any) {
	fmt.Fprintf(c.Err, "time=%q level=%s msg=%q\n", time.Now().Format(time.RFC3339), level, fmt.Sprintf(format, args...))
}
