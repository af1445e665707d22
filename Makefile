# Build, test environment and checks for the docker drop-in client.
GO        ?= go
BIN       := bin/docker
VERSION   ?= 28.2.2
COMMIT    := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
BUILDTIME := $(shell date -u +%Y-%m-%dT%H:%M:%S.000000000+00:00)
PKG       := github.com/dockerclone/docker/cli
LDFLAGS   := -s -w -X $(PKG).Version=$(VERSION) -X $(PKG).GitCommit=$(COMMIT) -X $(PKG).BuildTime=$(BUILDTIME)
ENGINE_ENV := .engine.env

.PHONY: build engine test unit e2e demo man completion clean notary test-notary

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/docker

# Starts (or reuses) the private engine and registry, loads fixtures, and
# records the variables the tests need in $(ENGINE_ENV).
engine: build
	bash scripts/engine.sh > $(ENGINE_ENV)
	@cat $(ENGINE_ENV)

unit:
	$(GO) vet ./...
	$(GO) test ./...

e2e: build
	set -a; . ./$(ENGINE_ENV); set +a; DOCKER_BIN=$(CURDIR)/$(BIN) $(GO) test -tags e2e -count=1 -timeout 20m ./e2e/...

test: engine unit e2e

# Content trust against a real notary server: scripts/notary.sh builds
# notary-server once from the Go module proxy (into /var/cache/dockerclone/notary,
# a few minutes the first time) and starts it. Not part of `make test`.
NOTARY_ENV := .notary.env
notary: engine
	bash scripts/notary.sh > $(NOTARY_ENV)
	@cat $(NOTARY_ENV)

test-notary: notary
	set -a; . ./$(ENGINE_ENV); . ./$(NOTARY_ENV); set +a; DOCKER_BIN=$(CURDIR)/$(BIN) $(GO) test -tags 'e2e notary' -count=1 -run Notary ./e2e/trust/

demo: engine
	set -a; . ./$(ENGINE_ENV); set +a; bash scripts/demo.sh $(BIN)

man:
	$(GO) run ./man man/man1

# Completion scripts for packagers: bin/completion/docker.{bash,zsh,fish,powershell}.
completion: build
	mkdir -p bin/completion
	for s in bash zsh fish powershell; do $(BIN) completion $$s > bin/completion/docker.$$s; done

clean:
	rm -rf bin $(ENGINE_ENV) $(NOTARY_ENV)
