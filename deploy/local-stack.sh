#!/usr/bin/env bash
# The production stack on this machine, loopback only: PostgreSQL (main database and the identity
# vault's own database, Debian's binaries, a throw-away cluster), Redis (queue and shared cache),
# migrate + demo data, gunicorn with 4 workers and one Huey worker. docs/deployment.md.
#
#   deploy/local-stack.sh start   # prints the URL; writes $STACK/stack.env for the benches
#   deploy/local-stack.sh stop    # stops everything it started and removes $STACK
#   deploy/local-stack.sh restart-web   # gunicorn only (used after kill -9 by bench/crash.py)
#
# STACK (default /tmp/phoihop-stack) holds the data, the logs and the pid files.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STACK="${STACK:-/tmp/phoihop-stack}"
BIN="$ROOT/.venv/bin"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
WORKERS="${WORKERS:-4}"

free_port() { "$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { runuser -u postgres -- "$@"; }

start_web() {
  # shellcheck disable=SC1091
  set -a; . "$STACK/stack.env"; set +a
  "$BIN/gunicorn" phoihop.wsgi --chdir "$ROOT" --pythonpath "$ROOT/deploy" \
    --workers "$WORKERS" --bind "127.0.0.1:$WEB_PORT" --pid "$STACK/gunicorn.pid" \
    --access-logfile "$STACK/access.log" --error-logfile "$STACK/gunicorn.log" \
    --timeout 60 --graceful-timeout 5 --daemon
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$WEB_PORT/cong-dan/" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "gunicorn did not answer; see $STACK/gunicorn.log" >&2; return 1
}

start() {
  if [ -f "$STACK/stack.env" ]; then echo "already running ($STACK); stop first" >&2; exit 1; fi
  command -v redis-server >/dev/null || { echo "apt-get install redis-server" >&2; exit 1; }
  mkdir -p "$STACK/pg" "$STACK/redis" "$STACK/data"
  chown postgres "$STACK/pg"; chmod 755 "$STACK"
  PG_PORT=$(free_port); REDIS_PORT=$(free_port); WEB_PORT=$(free_port)
  as_pg "$PGBIN/initdb" -D "$STACK/pg" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$STACK/pg" -l "$STACK/pg/log" -w -o \
    "-p $PG_PORT -k $STACK/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres phoihop
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres phoihop_vault
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STACK/redis" --daemonize yes \
    --pidfile "$STACK/redis.pid" --logfile "$STACK/redis.log" --save "" --appendonly yes
  SECRET=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(60))')
  IDKEY=$("$BIN/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')
  AUDIT=$("$BIN/python" -c 'import secrets; print(secrets.token_hex(32))')
  cat > "$STACK/stack.env" <<ENV
DJANGO_SETTINGS_MODULE=local_settings
PYTHONPATH=$ROOT/deploy:$ROOT
DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/phoihop
IDENTITY_DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/phoihop_vault
PHOIHOP_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
PHOIHOP_SECRET_KEY=$SECRET
PHOIHOP_IDENTITY_KEYS=$IDKEY
PHOIHOP_AUDIT_KEY=$AUDIT
PHOIHOP_DATA_DIR=$STACK/data
PHOIHOP_ALLOWED_HOSTS=127.0.0.1,localhost
PHOIHOP_SITE_URL=http://127.0.0.1:$WEB_PORT
PHOIHOP_DEMO=1
PHOIHOP_STACK_BENCH=${PHOIHOP_STACK_BENCH:-1}
PG_PORT=$PG_PORT
REDIS_PORT=$REDIS_PORT
WEB_PORT=$WEB_PORT
STACK=$STACK
ENV
  chmod 600 "$STACK/stack.env"
  (
    set -a; . "$STACK/stack.env"; set +a
    "$BIN/phoihop" migrate --noinput -v0
    "$BIN/phoihop" migrate --database identity --noinput -v0
    "$BIN/phoihop" createcachetable
    "$BIN/phoihop" roles sync >/dev/null
    "$BIN/phoihop" demo load >/dev/null
    "$BIN/phoihop" collectstatic --noinput -v0
    nohup "$BIN/phoihop" run_huey --quiet >"$STACK/huey.log" 2>&1 &
    echo $! >"$STACK/huey.pid"
  )
  start_web
  echo "phoihop: http://127.0.0.1:$WEB_PORT/  (PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, $WORKERS workers; env $STACK/stack.env)"
}

stop_pid() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null || true; rm -f "$1"; }

stop() {
  [ -d "$STACK" ] || { echo "not running"; return 0; }
  stop_pid "$STACK/gunicorn.pid"
  stop_pid "$STACK/huey.pid"
  stop_pid "$STACK/redis.pid"
  [ -f "$STACK/pg/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$STACK/pg" -m fast -w stop >/dev/null || true
  sleep 1
  rm -rf "$STACK"
  echo "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart-web) start_web ;;
  *) echo "usage: $0 start|stop|restart-web" >&2; exit 2 ;;
esac
