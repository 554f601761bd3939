"""gunicorn settings for a Jigsaw web process: `gunicorn -c config/gunicorn.conf.py`.

Every value can be changed from the environment, so each host of a deployment runs
the same command (docs/operations.md). Logs are JSON lines on standard output, like
Django's; access lines carry the method, path, status, size and time, but no visitor's
address, user agent or query string: people using this site must not be traceable from its logs.
"""

import multiprocessing
import os
import sys
from pathlib import Path

from gunicorn.glogging import Logger

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config.logging import json_logging  # noqa: E402

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(multiprocessing.cpu_count() * 2 + 1, 9))))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak never takes a host down; jitter avoids all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# The load balancer's addresses: only they may say a request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Workers' heartbeat files; in a container, point this at a memory file system such as /dev/shm.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None
limit_request_line = 8190
limit_request_fields = 100

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "INFO").lower()
logconfig_dict = json_logging(os.environ.get("LOG_LEVEL", "INFO"))


class JsonAccessLogger(Logger):
    """Access lines as structured fields rather than one Apache-style string."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        fields = {
            "method": atoms["m"],
            "path": atoms["U"],
            "status": int(atoms["s"]) if str(atoms["s"]).isdigit() else atoms["s"],
            "bytes": atoms["B"],
            "duration_ms": atoms["M"],
            "pid": os.getpid(),
        }
        self.access_log.info("%s %s %s", fields["method"], fields["path"], fields["status"], extra=fields)


logger_class = JsonAccessLogger
