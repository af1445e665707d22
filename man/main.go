// Command man writes a man page for docker and every command below it:
//
//	go run ./man DIR
//
// The tree is the one `docker` runs, built without reading config files or
// contacting the daemon. Pages carry the date of SOURCE_DATE_EPOCH when set,
// so the output can be reproduced.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./man DIR")
		os.Exit(2)
	}
	if err := generate(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// generate writes docker.1, docker-<command>.1, docker-<group>-<command>.1...
// into dir, creating it if needed.
func generate(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var discard bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(bytes.NewReader(nil)), Out: cli.NewOut(&discard), Err: cli.NewOut(&discard)})
	root := commands.NewRootCommand(c)
	disableAutoGenTag(root)
	header := &doc.GenManHeader{
		Title:   "DOCKER",
		Section: "1",
		Source:  "Docker Community",
		Manual:  "Docker User Manuals",
	}
	err := doc.GenManTreeFromOpts(root, doc.GenManTreeOptions{
		Header:           header,
		Path:             dir,
		CommandSeparator: "-",
	})
	if err != nil {
		return fmt.Errorf("generating man pages: %w", err)
	}
	return nil
}

func disableAutoGenTag(cmd *cobra.Command) {
	cmd.DisableAutoGenTag = true
	for _, sub := range cmd.Commands() {
		disableAutoGenTag(sub)
	}
}
