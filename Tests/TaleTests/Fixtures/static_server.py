"""Serves a folder on 127.0.0.1 for screenshot tests. Prints its port, then serves until killed.

usage: static_server.py FOLDER
"""
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from local_server import serve


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


serve(ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1])))
