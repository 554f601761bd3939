"""Generation numbers: retire every key of a cache at once by changing the number in their names.

Shared by the page cache (config.page_cache) and the shell cache (home.shell_cache). A number
starts at random, not at 1, so a cache that was cleared (or another cache, in tests) never
reuses a number whose old keys, or a process's copies of them, could still be read.
"""

import secrets

from django.db import transaction


def read(cache, key):
    """The current number under ``key``, starting one when there is none."""
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.randbits(48), timeout=None)
        value = cache.get(key)
    return value


def bump(cache, key):
    try:
        cache.incr(key)
    except ValueError:  # never set, or evicted: any new value retires the old keys
        cache.set(key, secrets.randbits(48), timeout=None)


def bump_now_and_at_commit(bump_once):
    """Call ``bump_once`` now, and again when the current transaction commits.

    Again at commit: a request in another process that read the new number before then still
    saw the old rows, and may have stored them under it. Outside a transaction the change is
    committed already, so once is enough (and tests without database access never touch it).
    """
    bump_once()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_once)
