"""A tiny HTTP server for Tale's HTTP client tests. Prints its port, then serves on 127.0.0.1.

/echo       answers JSON with the method, path, headers (lowercased) and body it received
/status/N   answers status N (with Retry-After: 2)
/hang       never answers
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from local_server import serve


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if self.path.startswith("/echo"):
            echo = {"method": self.command, "path": self.path, "body": body}
            echo.update({k.lower(): v for k, v in self.headers.items()})
            self.answer(200, json.dumps(echo).encode(), [("Content-Type", "application/json")])
        elif self.path.startswith("/status/"):
            self.answer(int(self.path.rsplit("/", 1)[1]), b"status", [("Retry-After", "2")])
        elif self.path == "/hang":
            time.sleep(60)
        else:
            self.answer(404, b"not found")

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
