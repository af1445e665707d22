//go:build !linux

package engine

import "net"

// detachStream keeps every connection in the poller off Linux.
func detachStream(net.Conn) streamConn { return nil }
