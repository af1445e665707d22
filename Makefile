# Build, test environment and checks for the docker drop-in client.
GO        ?= go
BIN       := bin/docker
VERSION   ?= 28.2.2
COMMIT    := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
BUILDTIME := $(shell date -u +%Y-%m-%dT%H:%M:%S.000000000+00:00)
PKG       := github.com/dockerclone/docker/cli
LDFLAGS   := -s -w -X $(PKG).Version=$(VERSION) -X $(PKG).GitCommit=$(COMMIT) -X $(PKG).BuildTime=$(BUILDTIME)
# Size: code that is cold for a CLI run (third-party modules, crypto, our
# own packages) is compiled without inlining, which keeps the binary under
# 0.30 of the reference's; the hot paths keep it: the Go runtime, net/http,
# encoding/json, and our engine I/O (stream demux, JSON) and formatting.
# make bench guards their speed.
GCFLAGS   := -gcflags='github.com/...=-l' -gcflags='go.yaml.in/...=-l' \
	-gcflags='crypto/...=-l' -gcflags='math/big=-l' -gcflags='encoding/asn1=-l' \
	-gcflags='github.com/dockerclone/docker/cli/engine=' -gcflags='github.com/dockerclone/docker/cli/format='
ENGINE_ENV := .engine.env
# docker: a private dockerd; podman: Debian's podman as a private API service.
ENGINE    ?= docker

# The API versions the container and image e2e tests also run at (test-matrix).
MATRIX_APIS ?= 1.24 1.30 1.35 1.40 1.41

.PHONY: build engine plugins swarm3 swarm-down test unit e2e test-matrix demo man completion clean notary test-notary fuzz bench

build:
	CGO_ENABLED=0 $(GO) build -trimpath $(GCFLAGS) -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/docker

# Starts (or reuses) the private engine and registry, loads fixtures, builds
# the real compose and buildx plugins (once, cached outside the checkout) and
# records the variables the tests need in $(ENGINE_ENV); then a one-node
# swarm of its own dockerd (scripts/swarm.sh), which the main engine never
# joins.
engine: build
	ENGINE=$(ENGINE) bash scripts/engine.sh > $(ENGINE_ENV).tmp
	bash scripts/plugins.sh >> $(ENGINE_ENV).tmp
	bash scripts/swarm.sh >> $(ENGINE_ENV).tmp
	mv $(ENGINE_ENV).tmp $(ENGINE_ENV)
	@cat $(ENGINE_ENV)

# The CLI plugins alone (minutes the first time, then instant).
plugins:
	bash scripts/plugins.sh

# The fuller swarm run: three nodes on loopback addresses (node 1 manages,
# 2 and 3 work; E2E_SWARM_MANAGERS=2 makes node 2 a manager too), then the
# swarm e2e suite, which adds its multi-node tests. The nodes stay up (and
# later `make test` runs use them) until `make swarm-down`.
swarm3: build
	bash scripts/engine.sh > $(ENGINE_ENV).tmp
	bash scripts/swarm.sh 3 >> $(ENGINE_ENV).tmp
	mv $(ENGINE_ENV).tmp $(ENGINE_ENV)
	set -a; . ./$(ENGINE_ENV); set +a; DOCKER_BIN=$(CURDIR)/$(BIN) $(GO) test -tags 'e2e swarm3' -count=1 -timeout 20m ./e2e/swarm/...

# Stops every swarm node and deletes their state and bridges.
swarm-down:
	bash scripts/swarm.sh down

# The differential test of cli/reference is a module of its own (go.mod
# replaces the upstream package it compares with; see internal/README.md).
unit:
	$(GO) vet ./...
	$(GO) test ./...
	cd cli/reference/differential && $(GO) vet ./... && $(GO) test ./...

# Each e2e package records the binary's output and, when done, fails if
# the registry password shows in it or in the engine's or registry's log.
e2e: build
	set -a; . ./$(ENGINE_ENV); set +a; rm -rf "$${E2E_STATE:?}/e2e-output"; \
	DOCKER_BIN=$(CURDIR)/$(BIN) $(GO) test -tags e2e -count=1 -timeout 20m ./e2e/...

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

# The container and image e2e tests with every run pinned to each of
# MATRIX_APIS (DOCKER_API_VERSION, through E2E_API_VERSION), on the engine.
test-matrix: engine
	set -a; . ./$(ENGINE_ENV); set +a; for v in $(MATRIX_APIS); do \
	  echo "== API $$v"; \
	  E2E_API_VERSION=$$v DOCKER_BIN=$(CURDIR)/$(BIN) $(GO) test -tags e2e -count=1 -timeout 20m \
	    ./e2e/container/ ./e2e/image/ || exit 1; \
	done

demo: engine
	set -a; . ./$(ENGINE_ENV); set +a; bash scripts/demo.sh $(BIN)

# Every fuzz target for FUZZTIME each (default 10m), one worker each
# (FUZZPARALLEL); FUZZ=<regexp> picks targets. Not run in CI.
fuzz:
	bash scripts/fuzz.sh

man:
	$(GO) run ./man man/man1

# Completion scripts for packagers: bin/completion/docker.{bash,zsh,fish,powershell}.
completion: build
	mkdir -p bin/completion
	for s in bash zsh fish powershell; do $(BIN) completion $$s > bin/completion/docker.$$s; done

clean:
	rm -rf bin $(ENGINE_ENV) $(ENGINE_ENV).tmp $(NOTARY_ENV)

# Timings and peak memory against the reference on the private engine,
# interleaved, with the floor beside them (scripts/bench.py; not in CI).
# BENCH=<regexp> picks scenarios, BENCH_N the runs per side.
bench: engine
	set -a; . ./$(ENGINE_ENV); set +a; python3 scripts/bench.py $(BIN) '$(BENCH)'
