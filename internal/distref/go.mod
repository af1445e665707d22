// Stands in for github.com/distribution/reference (see ../README.md).
module github.com/distribution/reference

go 1.24

require (
	github.com/dockerclone/docker v0.0.0-00010101000000-000000000000
	github.com/opencontainers/go-digest v1.0.0
)
