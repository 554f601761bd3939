"""A real `manage.py db_worker`, stopped part-way through a send, then started again.

Every recipient must end up with exactly one email. The workers, the set-up
script and this test share a SQLite file given to each process in
DATABASE_URL; a local aiosmtpd sink counts what each address received.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsletters.testing import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 40
SETTINGS = "tests.newsletters.worker_settings"


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory, django_db_setup, django_db_blocker):
    """One migrated database file; each test works on its own copy.

    On SQLite the test database (in memory, already migrated) is copied to a file
    with SQLite's backup API; otherwise a file is migrated from scratch.
    """
    path = tmp_path_factory.mktemp("worker-db") / "template.sqlite3"
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            return path
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": f"sqlite:///{path}"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=900
    )
    return path


class Scenario:
    def __init__(self, database, sink):
        self.database = database
        self.sink = sink
        self.env = {
            **os.environ,
            **sink.env(),
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": f"sqlite:///{database}",
            # Ten emails a second in batches of five: the worker spends most of its time between batches.
            "NEWSLETTER_SEND_RATE": "10",
            "NEWSLETTER_BATCH_SIZE": "5",
            "NEWSLETTER_SEND_LEASE_SECONDS": "2",
        }
        self.workers = []

    def set_up_send(self):
        result = subprocess.run(  # noqa: S603 - our own interpreter and module, no outside input
            [sys.executable, "-m", "tests.newsletters.worker_scenario", str(RECIPIENTS)],
            cwd=ROOT,
            env=self.env,
            check=True,
            timeout=300,
            capture_output=True,
            text=True,
        )
        self.send_id = int(result.stdout.strip().splitlines()[-1])

    def start_worker(self):
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.workers.append(worker)
        return worker

    def query(self, sql, *params):
        with sqlite3.connect(self.database, timeout=10) as connection:
            return connection.execute(sql, params).fetchall()

    def statuses(self):
        rows = self.query(
            "SELECT status, COUNT(*) FROM newsletters_delivery WHERE send_id = ? GROUP BY status", self.send_id
        )
        return dict(rows)

    def send_status(self):
        return self.query("SELECT status FROM newsletters_send WHERE id = ?", self.send_id)[0][0]

    def wait_for(self, condition, timeout=240, interval=0.01):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(interval)
        raise AssertionError(f"timed out; deliveries: {self.statuses()}, sink: {self.sink.count}")

    def stop_all(self):
        for worker in self.workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=10)


@pytest.fixture
def scenario(migrated_database, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database, database)
    with SmtpSink() as sink:
        run = Scenario(database, sink)
        run.set_up_send()
        yield run
        run.stop_all()


def assert_everyone_got_exactly_one(scenario):
    assert scenario.statuses() == {"sent": RECIPIENTS}
    assert scenario.send_status() == "done"
    assert len(scenario.sink.recipients) == RECIPIENTS
    assert set(scenario.sink.recipients.values()) == {1}, scenario.sink.recipients.most_common(3)


def test_worker_killed_part_way_then_restarted_sends_exactly_once(scenario):
    first = scenario.start_worker()
    scenario.wait_for(lambda: scenario.statuses().get("sent", 0) >= 10)
    first.send_signal(signal.SIGKILL)  # no chance to tidy up
    first.wait(timeout=10)
    sent_before = scenario.statuses().get("sent", 0)
    assert 10 <= sent_before < RECIPIENTS, "the kill should land part-way through the send"
    assert scenario.send_status() == "sending"

    # A new worker finds the send through the watchdog task once the dead worker's lease is stale.
    scenario.start_worker()
    scenario.wait_for(lambda: scenario.send_status() == "done")
    assert_everyone_got_exactly_one(scenario)


def test_worker_asked_to_stop_finishes_its_batch_and_the_next_carries_on(scenario):
    first = scenario.start_worker()
    scenario.wait_for(lambda: scenario.statuses().get("sent", 0) >= 10)
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=60) == 0
    statuses = scenario.statuses()
    assert "sending" not in statuses and "failed" not in statuses
    assert 10 <= statuses["sent"] < RECIPIENTS

    scenario.start_worker()
    scenario.wait_for(lambda: scenario.send_status() == "done")
    assert_everyone_got_exactly_one(scenario)
