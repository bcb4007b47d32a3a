"""Outside services the tests cannot reach (a translation engine, a geocoder), played by a
local HTTP server that the test starts and that speaks the service's real API."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JSONService(BaseHTTPRequestHandler):
    """A service answering in JSON; each subclass records what it was asked in `requests`."""

    requests = []

    def answer(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def running(service):
    """The service on a free local port, for the length of the block: its address."""
    service.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), service)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
