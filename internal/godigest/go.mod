// Stands in for github.com/opencontainers/go-digest (see ../README.md).
module github.com/opencontainers/go-digest

go 1.24
