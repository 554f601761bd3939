"""Benchmark: send one newsletter to 10,000 confirmed subscribers with one worker, through a local SMTP sink.

Run with `make bench-newsletter` (or `python bench/newsletter_send.py --subscribers 2000` for a quick look).
It builds a fresh SQLite database in a temporary folder (or uses --database-url),
starts an aiosmtpd sink on 127.0.0.1, runs one `manage.py db_worker --batch`
with the production settings, and prints emails per second and the worker's
peak memory. Nothing leaves the machine.
"""

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def environment(database_url, sink, args):
    return {
        **os.environ,
        **sink.env(),
        "DJANGO_SETTINGS_MODULE": args.settings,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
        "NEWSLETTER_BASE_URL": "https://jigsaw.example.org",
        "NEWSLETTER_SEND_RATE": "0",
        "NEWSLETTER_BATCH_SIZE": str(args.batch_size),
        "LOG_LEVEL": "WARNING",
    }


def run(command, env, **kwargs):
    return subprocess.run([sys.executable, *command], cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def set_up(count):
    """A site, a newsletter with every kind of block, `count` confirmed subscribers and a queued send."""
    import django

    django.setup()
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from newsletters import emails
    from newsletters.models import Send, Subscriber
    from newsletters.models.subscribers import new_key
    from newsletters.tasks import deliver_send
    from tests.factories import HomePageFactory, NewsletterIndexPageFactory, NewsletterPageFactory, TopicFactory

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="bench-home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    topic = TopicFactory(name="Public updates", slug="public-updates")
    archive = NewsletterIndexPageFactory(parent=home)
    page = NewsletterPageFactory(
        parent=archive,
        slug="benchmark",
        title="Benchmark newsletter",
        topics=[topic],
        body=[
            {"type": "text", "value": "<h2>This term</h2>" + "<p>The partnership trained 400 more staff.</p>" * 8},
            {"type": "callout", "value": {"heading": "Worried about a child?", "text": "<p>Call 999.</p>"}},
            {
                "type": "link_list",
                "value": {"heading": "More", "links": [{"title": "Training", "url": "https://example.org/t"}]},
            },
            {"type": "progress_summary", "value": {"heading": "Progress", "show_status_counts": True}},
        ],
    )
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        (Subscriber(email=f"reader{n:05d}@example.org", key=new_key(), confirmed_at=now) for n in range(count)),
        batch_size=1000,
    )
    Subscriber.topics.through.objects.bulk_create(
        (Subscriber.topics.through(subscriber_id=s.pk, topic_id=topic.pk) for s in subscribers), batch_size=1000
    )
    content = emails.newsletter_content(page)
    send = Send.objects.create(
        newsletter=page, subject=content.subject, html=content.html, text=content.text, view_url=content.view_url
    )
    send.topics.set([topic])
    deliver_send.enqueue(send.pk)
    return send.pk, len(content.html), len(content.text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--database-url", help="An empty database to use instead of a temporary SQLite file.")
    parser.add_argument("--settings", default="config.settings.production")
    parser.add_argument("--write-docs", action="store_true", help="Write the results into docs/performance.md.")
    args = parser.parse_args()

    from newsletters.testing import SmtpSink

    with tempfile.TemporaryDirectory(prefix="jigsaw-bench-") as folder, SmtpSink(keep_messages=False) as sink:
        database_url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        env = environment(database_url, sink, args)
        print(f"Migrating a fresh database ({database_url.split(':')[0]})...", flush=True)
        run(["manage.py", "migrate", "--noinput", "-v", "0"], env)
        os.environ.update(env)
        print(f"Creating {args.subscribers:,} confirmed subscribers and the send...", flush=True)
        send_id, html_size, text_size = set_up(args.subscribers)

        print("Running one worker (manage.py db_worker --batch)...", flush=True)
        started = time.monotonic()
        sink_cpu_before = sum(os.times()[:2])  # this process runs the sink's thread
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v", "0"],
            cwd=ROOT,
            env=env,
        )
        _, status, usage = os.wait4(worker.pid, 0)
        worker.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
        sink_cpu = sum(os.times()[:2]) - sink_cpu_before

        from newsletters.models import Send

        send = Send.objects.get(pk=send_id)
        counts = send.counts()
        sending = (send.finished_at - send.started_at).total_seconds()
        cpu = usage.ru_utime + usage.ru_stime
        results = {
            "subscribers": args.subscribers,
            "batch_size": args.batch_size,
            "database": database_url.split(":")[0],
            "accepted": sink.count,
            "sent": counts["sent"],
            "failed": counts["failed"],
            "html_kb": html_size / 1024,
            "text_kb": text_size / 1024,
            "sending_seconds": sending,
            "rate": counts["sent"] / sending,
            "wall_seconds": wall,
            "wall_rate": counts["sent"] / wall,
            "cpu_ms": cpu / max(counts["sent"], 1) * 1000,
            "sink_cpu_ms": sink_cpu / max(sink.count, 1) * 1000,
            "rss_mb": usage.ru_maxrss / 1024,
            "load": os.getloadavg(),
            "cores": os.cpu_count(),
        }
        print()
        print(f"Emails accepted by the sink: {sink.count:,} (sent: {counts['sent']:,}, failed: {counts['failed']})")
        print(f"Each email: {results['html_kb']:.1f} KB of HTML plus {results['text_kb']:.1f} KB of text")
        print(f"Sending time (first delivery row to last): {sending:.1f} s -> {results['rate']:.0f} emails/s")
        print(f"Worker wall time including start-up: {wall:.1f} s -> {results['wall_rate']:.0f} emails/s")
        print(f"Worker CPU: {cpu:.1f} s -> {results['cpu_ms']:.2f} ms per email")
        print(f"SMTP sink CPU: {sink_cpu:.1f} s -> {results['sink_cpu_ms']:.2f} ms per email")
        print(f"Worker peak memory (max RSS): {results['rss_mb']:.0f} MB")
        print(f"Load average (1, 5, 15 min) at the end: {', '.join(f'{n:.1f}' for n in results['load'])}")
        exactly_once = len(sink.recipients) == args.subscribers and set(sink.recipients.values()) == {1}
        ok = worker.returncode == 0 and exactly_once and counts["sent"] == args.subscribers
        if args.write_docs and ok:
            write_docs(results)
        if not ok:
            sys.exit("Benchmark failed: not every subscriber got exactly one email.")


DOC = ROOT / "docs" / "performance.md"
HEADING = "## Newsletter sending"


def write_docs(results):
    """Replace the "Newsletter sending" section of docs/performance.md with these results."""
    load = ", ".join(f"{n:.1f}" for n in results["load"])
    section = f"""{HEADING}

Measured by `make bench-newsletter` (`bench/newsletter_send.py`) on {time.strftime("%Y-%m-%d")}: one newsletter
to {results["subscribers"]:,} confirmed subscribers, sent by one `manage.py db_worker` with the production
settings, {results["database"]} database, batches of {results["batch_size"]}, no rate limit
(`NEWSLETTER_SEND_RATE=0`), through an aiosmtpd sink on 127.0.0.1 started by the script.
Each email is {results["html_kb"]:.1f} KB of HTML (CSS inlined) plus {results["text_kb"]:.1f} KB of plain text,
personalised with the reader's own preference and one-click unsubscribe links.

| measure | result |
| --- | --- |
| emails accepted by the sink | {results["accepted"]:,} ({results["failed"]} failed, each subscriber exactly once) |
| sending rate (first delivery row to last) | **{results["rate"]:.0f} emails a second** ({results["sending_seconds"]:.1f} s) |
| including the worker's start-up | {results["wall_rate"]:.0f} emails a second ({results["wall_seconds"]:.1f} s) |
| worker CPU per email | {results["cpu_ms"]:.2f} ms (the SMTP sink, on the same machine: {results["sink_cpu_ms"]:.2f} ms) |
| worker peak memory (max RSS) | {results["rss_mb"]:.0f} MB |
| machine | {results["cores"]} cores; load average {load} at the end of the run |

How it gets there: delivery rows are written first in bulk (1,000 a statement); each batch
claims its rows with one UPDATE, sends over one SMTP connection, and marks them sent with one
UPDATE. The MIME message is built once a batch and each recipient's copy is that template
with their address, links and Message-ID filled in (`newsletters.emails.BatchTemplate`), so
per email the worker does little more than sign the reader's key and talk SMTP. CPU per email
is the figure to compare between runs: the rate also depends on what else the machine is doing
(other processes, and the sink itself, share the two cores; the load average above says how
busy the machine was).

To limit the rate for a mail provider, set `NEWSLETTER_SEND_RATE` (emails a second for each
worker) and `NEWSLETTER_BATCH_SIZE`; run more workers for more throughput against PostgreSQL.
"""
    text = DOC.read_text() if DOC.exists() else "# Performance\n"
    if HEADING in text:
        start = text.index(HEADING)
        following = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[following:] if following != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + section
    DOC.write_text(text.rstrip() + "\n")
    print(f"Wrote the results to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
