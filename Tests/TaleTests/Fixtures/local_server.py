"""Shared by the test servers: print the port a server listens on (the test reads it), then serve until killed."""
import threading
import time


def serve(server):
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
