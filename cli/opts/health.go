package opts

import (
	"errors"
	"fmt"
	"time"

	"github.com/dockerclone/docker/cli/engine"
)

// Health holds the --health-* and --no-healthcheck values of a container
// (run, create; a service's container spec takes the same).
type Health struct {
	Cmd           string
	Interval      time.Duration
	Timeout       time.Duration
	StartPeriod   time.Duration
	StartInterval time.Duration
	Retries       int
	Disable       bool
}

// Config is the healthcheck to send: nil when no flag was given (the
// image's stands), Test ["NONE"] for --no-healthcheck, and an empty Test
// when only timings change (the image's command stands).
func (h Health) Config() (*engine.HealthConfig, error) {
	given := h.Cmd != "" || h.Interval != 0 || h.Timeout != 0 || h.StartPeriod != 0 ||
		h.StartInterval != 0 || h.Retries != 0
	if h.Disable {
		if given {
			return nil, errors.New("--no-healthcheck conflicts with --health-* options")
		}
		return &engine.HealthConfig{Test: []string{"NONE"}}, nil
	}
	if !given {
		return nil, nil
	}
	for _, d := range []struct {
		name string
		neg  bool
	}{
		{"--health-interval", h.Interval < 0},
		{"--health-timeout", h.Timeout < 0},
		{"--health-retries", h.Retries < 0},
		{"--health-start-period", h.StartPeriod < 0},
		{"--health-start-interval", h.StartInterval < 0},
	} {
		if d.neg {
			return nil, fmt.Errorf("%s cannot be negative", d.name)
		}
	}
	c := &engine.HealthConfig{
		Interval:      h.Interval,
		Timeout:       h.Timeout,
		StartPeriod:   h.StartPeriod,
		StartInterval: h.StartInterval,
		Retries:       h.Retries,
	}
	if h.Cmd != "" {
		c.Test = []string{"CMD-SHELL", h.Cmd}
	}
	return c, nil
}
