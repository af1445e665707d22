// The differential test of cli/reference against the upstream package,
// which the CLI's own module replaces.
module github.com/dockerclone/docker/cli/reference/differential

go 1.26

require (
	github.com/distribution/reference v0.6.0
	github.com/dockerclone/docker v0.0.0-00010101000000-000000000000
)

require github.com/opencontainers/go-digest v1.0.0 // indirect

replace github.com/dockerclone/docker => ../../..
