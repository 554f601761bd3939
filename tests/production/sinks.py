"""Stand-ins on loopback for the services a deployment talks to, for the scale-out job.

    python tests/production/sinks.py smtp PORT MAILDIR   # an SMTP server that keeps every message
    python tests/production/sinks.py purge PORT LOGFILE  # a CDN that logs every PURGE request

Both run until terminated (scripts/test_production.sh starts and stops them).
"""

import json
import mailbox
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def run_smtp(port, maildir):
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Mailbox

    controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *args: stop.set())
    stop.wait()
    controller.stop()


class PurgeRecorder(BaseHTTPRequestHandler):
    log_file = None

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        with open(self.log_file, "a") as log:
            log.write(json.dumps({"method": "PURGE", "host": self.headers.get("Host"), "path": self.path}) + "\n")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def run_purge(port, log_file):
    PurgeRecorder.log_file = log_file
    server = ThreadingHTTPServer(("127.0.0.1", port), PurgeRecorder)
    signal.signal(signal.SIGTERM, lambda *args: threading.Thread(target=server.shutdown).start())
    server.serve_forever()


def read_maildir(path):
    """Every message the SMTP sink has kept."""
    return list(mailbox.Maildir(path, create=False))


if __name__ == "__main__":
    kind, port, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"smtp": run_smtp, "purge": run_purge}[kind](port, target)
