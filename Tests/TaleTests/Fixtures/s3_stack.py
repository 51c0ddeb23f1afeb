"""moto's S3 server and a recording, fault-injecting proxy in front of it, both on 127.0.0.1.

Prints one line of JSON, {"moto": PORT, "proxy": PORT}, then serves until killed. Tale talks to the
proxy; the tests inspect the bucket through moto directly (with the AWS CLI).

The proxy forwards every request to moto, except:
  GET  /__proxy/log     -> JSON list of [method, path] of every forwarded or failed request, in order
  POST /__proxy/faults  -> body: JSON list of {"method", "contains", "status" or "reset": true, "times"};
                           a matching request gets that status (or a dropped connection) instead of
                           being forwarded, `times` times (-1 for always); a rule with "delay": S
                           forwards it after S seconds instead. An empty list clears faults.
"""
import http.client
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moto.server import ThreadedMotoServer

moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
moto.start()
MOTO_PORT = moto.get_host_and_port()[1]

lock = threading.Lock()
log = []
faults = []


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path == "/__proxy/log":
            with lock:
                return self.reply(200, json.dumps(log).encode())
        if self.path == "/__proxy/faults":
            with lock:
                faults[:] = json.loads(body or b"[]")
            return self.reply(204)
        with lock:
            log.append([self.command, self.path])
            fault = None
            for rule in faults:
                if rule["method"] == self.command and rule["contains"] in self.path and rule["times"] != 0:
                    rule["times"] -= 1 if rule["times"] > 0 else 0
                    fault = rule
                    break
        if fault is not None and "delay" in fault:
            time.sleep(fault["delay"])
            fault = None
        if fault is not None:
            if fault.get("reset"):
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.connection.close()
                self.close_connection = True
                return
            status = fault["status"]
            code = {403: "AccessDenied", 500: "InternalError", 503: "SlowDown"}.get(status, "Error")
            error = f"<?xml version=\"1.0\"?><Error><Code>{code}</Code><Message>injected by the test proxy</Message></Error>"
            return self.reply(status, error.encode(), "application/xml")
        upstream = http.client.HTTPConnection("127.0.0.1", MOTO_PORT, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "expect")}
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        data = response.read()
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        upstream.close()

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = handle_any


proxy = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
proxy.daemon_threads = True
print(json.dumps({"moto": MOTO_PORT, "proxy": proxy.server_address[1]}), flush=True)
try:
    proxy.serve_forever()
except KeyboardInterrupt:
    pass
