#!/usr/bin/env bash
# The load baseline: production settings (DEBUG off) under gunicorn on PostgreSQL, on loopback,
# each path loaded without and then with the Redis page cache, next to the home page's own HTML
# served as a static file by the same stack. Add paths with PATHS="/de/ /de/navigator/ ...".
#   benchmarks/baseline.sh            (DURATION=10 CONNECTIONS=8 WEB_CONCURRENCY=3 PORT=8765)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT="${PORT:-8765}"
BASE="http://127.0.0.1:$PORT"
ADMIN_URL="${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DB_NAME="${BENCH_DB_NAME:-prod_bench}"
PATHS="${PATHS:-/de/ /de/navigator/}"
OUT="${OUT:-benchmarks/results.jsonl}"
WORK="$(mktemp -d)"

export DJANGO_SETTINGS_MODULE=familysite.settings.production
export DATABASE_URL="${ADMIN_URL%/*}/$DB_NAME"
export SECRET_KEY="benchmark-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=off DEBUG=off
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-3}" BIND="127.0.0.1:$PORT"

psql "$ADMIN_URL" -qc "CREATE DATABASE $DB_NAME" 2>/dev/null || true
LOG_LEVEL=WARNING $PY manage.py migrate --noinput -v0
# A database filled by benchmarks/navigator.py (10,000 offers) keeps its content: BENCH_SKIP_DEMO=1.
[[ -n "${BENCH_SKIP_DEMO:-}" ]] || LOG_LEVEL=WARNING $PY manage.py load_demo >/dev/null
LOG_LEVEL=WARNING $PY manage.py collectstatic --noinput -v0

server=""
start() {  # start LABEL [VAR=value ...]
    local label="$1"; shift
    env "$@" .venv/bin/gunicorn --config deploy/gunicorn.conf.py 2>"$WORK/$label.log" &
    server=$!
    for _ in $(seq 100); do
        curl -fs "$BASE/healthz" >/dev/null && return 0
        sleep 0.2
    done
    echo "server did not start, see $WORK/$label.log" >&2
    exit 1
}
stop() { kill "$server"; wait "$server" || true; server=""; }
trap '[[ -n "$server" ]] && kill "$server"; rm -rf "$WORK"' EXIT

# The same HTML as /de/, as a static file (WhiteNoise indexes files when it starts).
start render PAGE_CACHE_SECONDS=0
mkdir -p "$STATIC_ROOT/benchmark"
curl -fs "$BASE/de/" >"$STATIC_ROOT/benchmark/home.html"
stop

STATIC=/static/benchmark/home.html
LOAD=($PY benchmarks/load.py --base-url "$BASE" --duration "${DURATION:-10}"
      --connections "${CONNECTIONS:-8}" --json "$OUT")

start no-cache PAGE_CACHE_SECONDS=0 REDIS_URL=
"${LOAD[@]}" --label no-cache $PATHS $STATIC
stop

start page-cache REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/3}" PAGE_CACHE_SECONDS=300
curl -fs -o /dev/null "$BASE/healthz"
for path in $PATHS; do curl -fs -o /dev/null "$BASE$path"; done  # fill the cache
"${LOAD[@]}" --label page-cache $PATHS $STATIC
stop
