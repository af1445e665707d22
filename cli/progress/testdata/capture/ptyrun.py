# ptyrun.py COLS OUTFILE cmd... : run cmd with stdout on a pty of COLS columns (onlcr off), stderr/stdin untouched
import os, pty, sys, fcntl, termios, struct, tty
cols, outf, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
m, s = pty.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
a = termios.tcgetattr(s); a[1] &= ~termios.ONLCR; termios.tcsetattr(s, termios.TCSANOW, a)
pid = os.fork()
if pid == 0:
    os.close(m); os.dup2(s, 1); os.execvp(cmd[0], cmd)
os.close(s)
out = b""
while True:
    try: d = os.read(m, 65536)
    except OSError: break
    if not d: break
    out += d
_, st = os.waitpid(pid, 0)
open(outf, "wb").write(out)
print("rc=%d" % os.waitstatus_to_exitcode(st))
