#!/usr/bin/env bash
# The scale-out proof (`make test-production`, docs/operations.md#the-scale-out-test).
#
# Starts on loopback, with the production settings: the machine's PostgreSQL (a
# database of its own, created and dropped), the machine's Redis (a database number
# of its own, flushed), moto's S3 server, an SMTP sink and a CDN purge sink, one
# task worker and two gunicorn instances on two ports. Then
# tests/production/test_scale_out.py checks over HTTP that they behave as one site.
# Every process it starts is stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PG_URL_BASE=${PG_URL_BASE:-postgres://postgres@127.0.0.1:5432}
DB_NAME=${SCALE_OUT_DB:-jigsaw_production_test}
REDIS_BASE=${REDIS_BASE:-redis://127.0.0.1:6379}
REDIS_DB=${SCALE_OUT_REDIS_DB:-14}
WORK=$(mktemp -d -t jigsaw-scale-out.XXXXXX)
PIDS=()
STATUS=1

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

database() {  # database create|drop
  "$PY" - "$1" "$PG_URL_BASE/postgres" "$DB_NAME" <<'EOF'
import sys, psycopg
action, url, name = sys.argv[1:]
with psycopg.connect(url, autocommit=True) as connection:
    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if action == "create":
        connection.execute(f'CREATE DATABASE "{name}"')
EOF
}

flush_redis() { "$PY" -c "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()" "$REDIS_URL"; }

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for _ in $(seq 1 50); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null; done
  wait 2>/dev/null
  if [ "$STATUS" != 0 ]; then
    for log in "$WORK"/*.log; do
      echo "---- last lines of $(basename "$log") ----"
      tail -n 25 "$log"
    done
  fi
  database drop >/dev/null 2>&1
  flush_redis >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() {  # start NAME COMMAND...: run in the background, log to $WORK/NAME.log
  local name=$1
  shift
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}

wait_for() {  # wait_for NAME URL: until the URL answers 200 (as if through the load balancer), or fail after 120 s
  local name=$1 url=$2
  "$PY" - "$url" <<'EOF' || { echo "$name did not answer at $url" >&2; return 1; }
import sys, time, urllib.request
request = urllib.request.Request(sys.argv[1], headers={"X-Forwarded-Proto": "https"})
deadline = time.monotonic() + 120
while True:
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.5)
EOF
}

# Services this job needs from the machine.
"$PY" -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$PG_URL_BASE/postgres" ||
  { echo "PostgreSQL does not answer at $PG_URL_BASE" >&2; exit 1; }
"$PY" -c "import redis, sys; redis.Redis.from_url(sys.argv[1], socket_timeout=3).ping()" "$REDIS_BASE/$REDIS_DB" ||
  { echo "Redis does not answer at $REDIS_BASE" >&2; exit 1; }

WEB_A=$(free_port); WEB_B=$(free_port); S3_PORT=$(free_port); SMTP_PORT=$(free_port); PURGE_PORT=$(free_port)

# The production environment every process shares, as on a real deployment.
export DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(64))")
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export CSRF_TRUSTED_ORIGINS="https://127.0.0.1:$WEB_A,https://127.0.0.1:$WEB_B"
export WAGTAILADMIN_BASE_URL="https://127.0.0.1:$WEB_A"
export DATABASE_URL="$PG_URL_BASE/$DB_NAME"
export REDIS_URL="$REDIS_BASE/$REDIS_DB"
export AWS_STORAGE_BUCKET_NAME=jigsaw-scale-out
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
export AWS_S3_REGION_NAME=eu-west-2
export AWS_S3_ADDRESSING_STYLE=path
export AWS_ACCESS_KEY_ID=scale-out-test AWS_SECRET_ACCESS_KEY=scale-out-test-secret
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$SMTP_PORT EMAIL_USE_TLS=false
export DEFAULT_FROM_EMAIL=no-reply@example.org
export FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:$PURGE_PORT/"
export STATIC_ROOT="$WORK/static"
export WEB_CONCURRENCY=2 GUNICORN_THREADS=2
export LOG_LEVEL=INFO

echo "== scale-out: database $DB_NAME, Redis db $REDIS_DB, S3 :$S3_PORT, SMTP :$SMTP_PORT, CDN :$PURGE_PORT, web :$WEB_A and :$WEB_B"
database create
flush_redis

start s3 .venv/bin/moto_server -H 127.0.0.1 -p "$S3_PORT"
start smtp "$PY" tests/production/sinks.py smtp "$SMTP_PORT" "$WORK/mail"
start cdn "$PY" tests/production/sinks.py purge "$PURGE_PORT" "$WORK/purges.jsonl"
wait_for s3 "http://127.0.0.1:$S3_PORT/"

"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
"$PY" tests/production/cluster_setup.py "$WORK/cluster.json"

start worker "$PY" manage.py db_worker
start web-a .venv/bin/gunicorn -c config/gunicorn.conf.py --bind "127.0.0.1:$WEB_A"
start web-b .venv/bin/gunicorn -c config/gunicorn.conf.py --bind "127.0.0.1:$WEB_B"
wait_for web-a "http://127.0.0.1:$WEB_A/healthz"
wait_for web-b "http://127.0.0.1:$WEB_B/healthz"

export SCALE_OUT_WORK="$WORK" SCALE_OUT_WEB_A="http://127.0.0.1:$WEB_A" SCALE_OUT_WEB_B="http://127.0.0.1:$WEB_B"
if [ -n "${SCALE_OUT_KEEP:-}" ]; then  # for debugging: leave the cluster up until interrupted
  env | grep -E '^(SCALE_OUT_|AWS_|REDIS_URL|DATABASE_URL)' >"$WORK/cluster.env"
  echo "Cluster up: A $SCALE_OUT_WEB_A, B $SCALE_OUT_WEB_B, state in $WORK (cluster.env). Ctrl+C stops it."
  while true; do sleep 3600 & wait $!; done  # wait, unlike sleep, lets the trap run at once
fi
# The checks are a client of the cluster; pytest itself runs on the test settings.
env -u DATABASE_URL -u REDIS_URL SCALE_OUT_REDIS_URL="$REDIS_URL" DJANGO_SETTINGS_MODULE=config.settings.test \
  .venv/bin/pytest tests/production/test_scale_out.py -rs "$@"
STATUS=0
