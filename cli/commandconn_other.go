//go:build !linux

package cli

import "syscall"

func commandSysProcAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }
