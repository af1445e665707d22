package engine

import (
	"bytes"
	"testing"
	"testing/iotest"
)

// The multiplexed stream is whatever the daemon (or a stranger on its
// socket) sends: the demultiplexer must never panic, never write more than it
// read, and give the same bytes whether it copies live or in bulk.
func FuzzStdCopy(f *testing.F) {
	f.Add([]byte("\x01\x00\x00\x00\x00\x00\x00\x05hello\x02\x00\x00\x00\x00\x00\x00\x05err1\n"))
	f.Add([]byte("\x03\x00\x00\x00\x00\x00\x00\x04boom"))
	f.Add([]byte("\x07\x00\x00\x00\x00\x00\x00\x01x"))
	f.Add([]byte("\x01\x00\x00\x00\xff\xff\xff\xffshort"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var bulkOut, bulkErr, liveOut, liveErr bytes.Buffer
		n, err := StdCopier{Out: &bulkOut, Err: &bulkErr}.Copy(bytes.NewReader(in))
		if n > int64(len(in)) || int64(bulkOut.Len()+bulkErr.Len()) != n {
			t.Fatalf("wrote %d (%d+%d) of %d bytes", n, bulkOut.Len(), bulkErr.Len(), len(in))
		}
		// One byte per read: frames split anywhere.
		ln, lerr := StdCopier{Out: &liveOut, Err: &liveErr, Live: true}.Copy(iotest.OneByteReader(bytes.NewReader(in)))
		if ln != n || (err == nil) != (lerr == nil) || !bytes.Equal(bulkOut.Bytes(), liveOut.Bytes()) ||
			!bytes.Equal(bulkErr.Bytes(), liveErr.Bytes()) {
			t.Fatalf("bulk %d %v and live %d %v differ", n, err, ln, lerr)
		}
	})
}
