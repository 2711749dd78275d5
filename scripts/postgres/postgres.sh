#!/usr/bin/env bash
# Run a throwaway PostgreSQL cluster for tests and CI, without Docker: Debian's `postgresql`
# binaries (initdb, pg_ctl from /usr/lib/postgresql/*/bin), a fresh cluster in a temp dir,
# listening on 127.0.0.1 only.
#
#   bash scripts/postgres/postgres.sh start    # init a fresh cluster, start it, print DATABASE_URL=...
#   bash scripts/postgres/postgres.sh status   # exit 0 + print DATABASE_URL=... if it answers, else exit 1
#   bash scripts/postgres/postgres.sh stop     # stop it and delete its directory (idempotent)
#
# Env: PGTEST_PORT (15432), PGTEST_DIR (${TMPDIR:-/tmp}/tgrisk-postgres-PORT), PG_BIN (the newest
#      /usr/lib/postgresql/*/bin), PGTEST_START_TIMEOUT (60 seconds).
#
# PostgreSQL refuses to run as root, so under root the cluster belongs to the `postgres` system
# user (created by Debian's package) and every server command runs through runuser. Connections
# from 127.0.0.1 are trusted: this cluster holds nothing but test data and never listens elsewhere.
set -euo pipefail

PORT="${PGTEST_PORT:-15432}"
BASE_DIR="${PGTEST_DIR:-${TMPDIR:-/tmp}/tgrisk-postgres-${PORT}}"
DATA_DIR="${BASE_DIR}/data"
SOCKET_DIR="${BASE_DIR}/socket"
LOG_FILE="${BASE_DIR}/server.log"
START_TIMEOUT="${PGTEST_START_TIMEOUT:-60}"
DB_USER="tgrisk"
DB_NAME="tgrisk"
DATABASE_URL="postgres://${DB_USER}@127.0.0.1:${PORT}/${DB_NAME}"

log() { printf '[postgres.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then printf '%s\n' "${PG_BIN}"; return 0; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "${dir}" && -x "${dir}/pg_ctl" ]] ||
    die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install them with: apt-get install -y postgresql"
  printf '%s\n' "${dir}"
}

# Runs a server command as the cluster's owner: `postgres` under root, the caller otherwise.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (apt-get install -y postgresql)"
    # From / : the caller's directory may not be readable by `postgres`, and initdb insists on one.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

answers() {
  local bin
  bin="$(find_bin)"
  "${bin}/pg_isready" -q -h 127.0.0.1 -p "${PORT}" -d "${DB_NAME}" -U "${DB_USER}" -t 2
}

cmd_status() {
  if answers; then
    echo "DATABASE_URL=${DATABASE_URL}"
    return 0
  fi
  return 1
}

cmd_start() {
  local bin
  bin="$(find_bin)"
  if [[ -d "${DATA_DIR}" ]] && answers; then
    log "already running on 127.0.0.1:${PORT}"
    echo "DATABASE_URL=${DATABASE_URL}"
    return 0
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
    die "port ${PORT} is taken by something else; set PGTEST_PORT to a free port"
  fi
  cmd_stop >/dev/null 2>&1 || true
  mkdir -p "${BASE_DIR}" "${SOCKET_DIR}"
  if [[ "$(id -u)" == "0" ]]; then chown -R postgres: "${BASE_DIR}"; fi
  chmod 700 "${BASE_DIR}"
  log "initdb in ${DATA_DIR} ($(basename "$(dirname "${bin}")"))"
  as_owner "${bin}/initdb" -D "${DATA_DIR}" -U "${DB_USER}" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=trust >"${BASE_DIR}/initdb.log" 2>&1 ||
    { cat "${BASE_DIR}/initdb.log" >&2; die "initdb failed"; }
  # fsync off: a crash loses a throwaway test cluster, which is fine; tests run several times faster.
  as_owner "${bin}/pg_ctl" -D "${DATA_DIR}" -l "${LOG_FILE}" -w -t "${START_TIMEOUT}" \
    -o "-p ${PORT} -c listen_addresses=127.0.0.1 -k ${SOCKET_DIR} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { tail -n 40 "${LOG_FILE}" >&2 || true; die "pg_ctl start failed"; }
  "${bin}/createdb" -h 127.0.0.1 -p "${PORT}" -U "${DB_USER}" "${DB_NAME}"
  log "ready on 127.0.0.1:${PORT}"
  echo "DATABASE_URL=${DATABASE_URL}"
}

cmd_stop() {
  local bin
  bin="$(find_bin)"
  if [[ -f "${DATA_DIR}/postmaster.pid" ]]; then
    as_owner "${bin}/pg_ctl" -D "${DATA_DIR}" -m fast -w stop >/dev/null 2>&1 || log "pg_ctl stop failed (already stopped?)"
  fi
  rm -rf "${BASE_DIR}"
  log "stopped; removed ${BASE_DIR}"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|status|stop" >&2; exit 2 ;;
esac
