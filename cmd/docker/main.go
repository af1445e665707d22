// Command docker is a drop-in client for the Docker Engine.
package main

import (
	"os"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands"
)

func main() {
	os.Exit(commands.Main(os.Args[1:], cli.StdStreams()))
}
