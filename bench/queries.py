"""Count the queries each public page makes with the page cache off (Django's test client)."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402


@override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False)
def main(pages):
    client = Client()
    counts = {}
    for label, path in pages:
        client.get(path)  # first render fills renditions and per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[label] = len(queries)
        if os.environ.get("BENCH_SHOW_QUERIES"):
            print(label, len(queries), file=sys.stderr)
            for q in queries:
                print("   ", q["sql"][:220], file=sys.stderr)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
