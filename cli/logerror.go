package cli

import (
	"fmt"
	"time"
)

// LogError prints an error on stderr the way the reference's libraries log
// one (logrus at level error): the archivers that stream a directory to
// the daemon report each file they could not add this way and go on.
func (c *CLI) LogError(format string, args ...any) {
	fmt.Fprintf(c.Err, "time=%q level=error msg=%q\n", time.Now().Format(time.RFC3339), fmt.Sprintf(format, args...))
}
