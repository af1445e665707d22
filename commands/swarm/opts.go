package swarm

import (
	"encoding/csv"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

const (
	defaultListenAddr = "0.0.0.0:2377"
	defaultCertExpiry = 90 * 24 * time.Hour
)

// specOptions are the cluster settings init, update and ca share. Only the
// flags given change the spec.
type specOptions struct {
	taskHistoryLimit    int64
	dispatcherHeartbeat time.Duration
	certExpiry          time.Duration
	externalCAs         externalCAs
	maxSnapshots        uint64
	snapshotInterval    uint64
	autolock            bool
}

// addSpecFlags declares the flags of init and update (ca declares its own
// subset).
func (o *specOptions) addSpecFlags(f *pflag.FlagSet, autolockUsage string) {
	f.Int64Var(&o.taskHistoryLimit, "task-history-limit", 5, "Task history retention limit")
	f.DurationVar(&o.dispatcherHeartbeat, "dispatcher-heartbeat", 5*time.Second, "Dispatcher heartbeat period (ns|us|ms|s|m|h)")
	o.addCAFlags(f)
	f.Uint64Var(&o.maxSnapshots, "max-snapshots", 0, "Number of additional Raft snapshots to retain")
	f.Uint64Var(&o.snapshotInterval, "snapshot-interval", 10000, "Number of log entries between Raft snapshots")
	f.BoolVar(&o.autolock, "autolock", false, autolockUsage)
	cli.MinAPI(f, "1.25", "max-snapshots", "snapshot-interval")
}

func (o *specOptions) addCAFlags(f *pflag.FlagSet) {
	f.DurationVar(&o.certExpiry, "cert-expiry", defaultCertExpiry, "Validity period for node certificates (ns|us|ms|s|m|h)")
	f.Var(&o.externalCAs, "external-ca", "Specifications of one or more certificate signing endpoints")
}

// merge applies the flags given to spec. External CAs named without a
// certificate get caCert (the cluster's trust root on update).
func (o *specOptions) merge(f *pflag.FlagSet, spec *engine.SwarmSpec, caCert string) {
	if f.Changed("task-history-limit") {
		spec.Orchestration.TaskHistoryRetentionLimit = &o.taskHistoryLimit
	}
	if f.Changed("dispatcher-heartbeat") {
		spec.Dispatcher.HeartbeatPeriod = o.dispatcherHeartbeat
	}
	if f.Changed("cert-expiry") {
		spec.CAConfig.NodeCertExpiry = o.certExpiry
	}
	if f.Changed("external-ca") {
		spec.CAConfig.ExternalCAs = o.externalCAs.withCert(caCert)
	}
	if f.Changed("max-snapshots") {
		spec.Raft.KeepOldSnapshots = &o.maxSnapshots
	}
	if f.Changed("snapshot-interval") {
		spec.Raft.SnapshotInterval = o.snapshotInterval
	}
	if f.Changed("autolock") {
		spec.EncryptionConfig.AutoLockManagers = o.autolock
	}
}

// externalCAs is --external-ca: "protocol=cfssl,url=https://...[,cacert=file][,key=value...]".
type externalCAs struct{ values []*engine.ExternalCA }

func (e *externalCAs) String() string {
	out := make([]string, len(e.values))
	for i, ca := range e.values {
		out[i] = ca.Protocol + ": " + ca.URL
	}
	return strings.Join(out, ", ")
}

func (e *externalCAs) Type() string { return "external-ca" }

func (e *externalCAs) Set(v string) error {
	fields, err := csv.NewReader(strings.NewReader(v)).Read()
	if err != nil {
		return err
	}
	ca := &engine.ExternalCA{Options: map[string]string{}}
	var hasProtocol, hasURL bool
	for _, field := range fields {
		key, value, ok := strings.Cut(field, "=")
		if !ok {
			return fmt.Errorf("invalid field '%s' must be a key=value pair", field)
		}
		switch strings.ToLower(key) {
		case "protocol":
			if strings.ToLower(value) != "cfssl" {
				return fmt.Errorf("unrecognized external CA protocol %s", value)
			}
			ca.Protocol, hasProtocol = "cfssl", true
		case "url":
			ca.URL, hasURL = value, true
		case "cacert":
			pemBytes, err := os.ReadFile(value)
			if err != nil {
				return fmt.Errorf("unable to read CA cert for external CA: %w", err)
			}
			if block, _ := pem.Decode(pemBytes); block == nil {
				return errors.New("CA cert for external CA must be in PEM format")
			}
			ca.CACert = string(pemBytes)
		default:
			ca.Options[key] = value
		}
	}
	if !hasProtocol {
		return errors.New("the external-ca option needs a protocol= parameter")
	}
	if !hasURL {
		return errors.New("the external-ca option needs a url= parameter")
	}
	if len(ca.Options) == 0 {
		ca.Options = nil
	}
	e.values = append(e.values, ca)
	return nil
}

// withCert returns the CAs, those without a certificate given caCert.
func (e *externalCAs) withCert(caCert string) []*engine.ExternalCA {
	out := make([]*engine.ExternalCA, len(e.values))
	for i, ca := range e.values {
		c := *ca
		if c.CACert == "" {
			c.CACert = caCert
		}
		out[i] = &c
	}
	return out
}

// nodeAddr is --listen-addr: "<ip|interface>[:port]", completed to
// host:2377 (0.0.0.0 when only a port is given).
type nodeAddr struct{ addr string }

func (n *nodeAddr) String() string { return n.addr }
func (n *nodeAddr) Type() string   { return "node-addr" }

func (n *nodeAddr) Set(v string) error {
	addr := v
	if !strings.Contains(addr, "://") {
		addr = "tcp://" + addr
	}
	u, err := url.Parse(addr)
	if err != nil {
		return err
	}
	if u.Scheme != "tcp" {
		return fmt.Errorf("invalid proto, expected tcp: %s", v)
	}
	host, port := u.Host, ""
	if strings.Contains(host, ":") {
		if host, port, err = net.SplitHostPort(host); err != nil {
			return fmt.Errorf("invalid bind address format: %s", v)
		}
	}
	if host == "" {
		host = "0.0.0.0"
	}
	if port == "" {
		port = "2377"
	}
	n.addr = net.JoinHostPort(host, port)
	return nil
}

// checkAvailability refuses what a node's availability cannot be.
func checkAvailability(v string) error {
	switch strings.ToLower(v) {
	case "active", "pause", "drain":
		return nil
	}
	return fmt.Errorf("invalid availability %q, only active, pause and drain are supported", v)
}
