package cliplugins

// socketAddr is an abstract socket: nothing on disk to clean up.
func socketAddr(name string) string { return "@" + name }
