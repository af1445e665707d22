module github.com/dockerclone/docker

go 1.26

require (
	github.com/compose-spec/compose-go/v2 v2.9.1
	github.com/creack/pty v1.1.24
	github.com/docker/docker-credential-helpers v0.9.13
	github.com/docker/go-units v0.5.0
	github.com/go-viper/mapstructure/v2 v2.4.0
	github.com/google/shlex v0.0.0-20191202100458-e7afc7fbc510
	github.com/mattn/go-runewidth v0.0.16
	github.com/moby/patternmatcher v0.6.0
	github.com/moby/term v0.5.2
	github.com/morikuni/aec v1.1.0
	github.com/sirupsen/logrus v1.10.1
	github.com/spf13/cobra v1.9.1
	github.com/spf13/pflag v1.0.6
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/Azure/go-ansiterm v0.0.0-20250102033503-faa5f7b0171c // indirect
	github.com/cpuguy83/go-md2man/v2 v2.0.7 // indirect
	github.com/distribution/reference v0.6.0 // indirect
	github.com/docker/go-connections v0.4.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/mattn/go-shellwords v1.0.12 // indirect
	github.com/opencontainers/go-digest v1.0.0 // indirect
	github.com/rivo/uniseg v0.2.0 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/xhit/go-str2duration/v2 v2.1.0 // indirect
	golang.org/x/sync v0.3.0 // indirect
	golang.org/x/sys v0.20.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/distribution/reference => ./internal/distref

replace github.com/opencontainers/go-digest => ./internal/godigest
