package cli

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/pflag"
)

// GlobalOptions are the flags every command accepts.
type GlobalOptions struct {
	ConfigDir string
	Context   string
	Debug     bool
	Hosts     []string
	LogLevel  string
	TLS       bool
	TLSVerify bool
	// TLSVerifySet is --tlsverify given at all: even =false asks for TLS.
	TLSVerifySet bool
	TLSCACert    string
	TLSCert      string
	TLSKey       string
	Version      bool
}

// AddFlags declares the global flags; defaults shown in help follow the config dir.
func (o *GlobalOptions) AddFlags(fs *pflag.FlagSet, defaultConfigDir string) {
	certDir := os.Getenv("DOCKER_CERT_PATH")
	if certDir == "" {
		certDir = defaultConfigDir
	}
	fs.StringVar(&o.ConfigDir, "config", defaultConfigDir, "Location of client config files")
	fs.StringVarP(&o.Context, "context", "c", "",
		`Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")`)
	fs.BoolVarP(&o.Debug, "debug", "D", false, "Enable debug mode")
	fs.VarP(newListValue(&o.Hosts), "host", "H", "Daemon socket to connect to")
	fs.StringVarP(&o.LogLevel, "log-level", "l", "info", `Set the logging level ("debug", "info", "warn", "error", "fatal")`)
	fs.BoolVar(&o.TLS, "tls", os.Getenv("DOCKER_TLS") != "", "Use TLS; implied by --tlsverify")
	fs.StringVar(&o.TLSCACert, "tlscacert", filepath.Join(certDir, "ca.pem"), "Trust certs signed only by this CA")
	fs.StringVar(&o.TLSCert, "tlscert", filepath.Join(certDir, "cert.pem"), "Path to TLS certificate file")
	fs.StringVar(&o.TLSKey, "tlskey", filepath.Join(certDir, "key.pem"), "Path to TLS key file")
	o.TLSVerify = os.Getenv("DOCKER_TLS_VERIFY") != ""
	fs.VarPF(tlsVerifyValue{o}, "tlsverify", "", "Use TLS and verify the remote").NoOptDefVal = "true"
	fs.BoolVarP(&o.Version, "version", "v", false, "Print version information and quit")
}

// UseTLS reports whether the flags and environment ask for TLS: --tls,
// --tlsverify, or --tlsverify given at all (=false turns TLS on without
// verification, as with the reference).
func (o *GlobalOptions) UseTLS() bool { return o.TLS || o.TLSVerify || o.TLSVerifySet }

// tlsVerifyValue is --tlsverify: a bool flag that remembers being given.
type tlsVerifyValue struct{ o *GlobalOptions }

func (v tlsVerifyValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	v.o.TLSVerify, v.o.TLSVerifySet = b, true
	return nil
}
func (v tlsVerifyValue) String() string   { return strconv.FormatBool(v.o.TLSVerify) }
func (v tlsVerifyValue) Type() string     { return "bool" }
func (v tlsVerifyValue) IsBoolFlag() bool { return true }

// listValue is a repeatable string flag shown as "list" in help.
type listValue struct{ p *[]string }

func newListValue(p *[]string) *listValue { return &listValue{p} }

func (l *listValue) String() string {
	if l.p == nil || len(*l.p) == 0 {
		return "[]"
	}
	s := "["
	for i, v := range *l.p {
		if i > 0 {
			s += " "
		}
		s += v
	}
	return s + "]"
}
func (l *listValue) Set(v string) error { *l.p = append(*l.p, v); return nil }
func (l *listValue) Type() string       { return "list" }
