"""A local SMTP sink for the killed-worker test and the sending benchmark (aiosmtpd on 127.0.0.1)."""

import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


class SinkHandler:
    """Keeps who each message was for; counts bytes rather than keeping every message."""

    def __init__(self, keep_messages=True):
        self.keep_messages = keep_messages
        self.lock = threading.Lock()
        self.recipients = Counter()
        self.messages = []
        self.count = 0
        self.bytes = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.lock:
            self.count += 1
            self.bytes += len(envelope.content)
            self.recipients.update(address.lower() for address in envelope.rcpt_tos)
            if self.keep_messages:
                self.messages.append(envelope.content)
        return "250 Message accepted"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpSink:
    """`with SmtpSink() as sink:` serves SMTP on 127.0.0.1:sink.port until the block ends."""

    def __init__(self, keep_messages=True):
        self.handler = SinkHandler(keep_messages)
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def recipients(self):
        return self.handler.recipients

    @property
    def count(self):
        return self.handler.count

    def env(self):
        """Environment variables that point Django's SMTP backend at this sink."""
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port), "EMAIL_USE_TLS": "false"}
