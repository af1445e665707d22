# Fake engine for capture.sh: /_ping answers API 1.41; every POST replays the file
# whose path is written in the file CURRENT.  usage: fake.py SOCKET CURRENT
import socketserver, http.server, os, sys
SOCK, CURRENT = sys.argv[1], sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def _ping(self):
        self.send_response(200)
        for k, v in (("API-Version", "1.41"), ("OSType", "linux"), ("Docker-Experimental", "false"), ("Content-Type", "text/plain"), ("Content-Length", "2")):
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(b"OK")
    def do_HEAD(self): self._ping()
    def do_GET(self):
        if self.path.endswith("/_ping"): return self._ping()
        self.send_error(404)
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n: self.rfile.read(n)
        body = open(open(CURRENT).read().strip(), "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
class S(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
if os.path.exists(SOCK): os.unlink(SOCK)
S(SOCK, H).serve_forever()
