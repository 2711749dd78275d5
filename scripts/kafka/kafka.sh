#!/usr/bin/env bash
# Run a real single-node Apache Kafka broker (KRaft combined mode) for tests and CI,
# without Docker: the jars come from Maven Central (scripts/kafka/pom.xml) and the
# broker runs as a plain background JVM on 127.0.0.1.
#
#   bash scripts/kafka/kafka.sh install   # fetch jars into .kafka/libs (idempotent)
#   bash scripts/kafka/kafka.sh start     # start (fresh, empty data dir) and wait until it answers
#   bash scripts/kafka/kafka.sh status    # exit 0 + print KAFKA_BROKERS=... if it answers, else exit 1
#   bash scripts/kafka/kafka.sh stop      # stop and delete the data dir (idempotent)
#   bash scripts/kafka/kafka.sh pause [--hard]  # stop (SIGTERM, or SIGKILL) but keep the data
#   bash scripts/kafka/kafka.sh resume    # start a paused broker on its kept data
#
# Env: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), KAFKA_HEAP_OPTS (-Xms256m -Xmx512m),
#      KAFKA_START_TIMEOUT (90 seconds), KAFKA_INSTANCE (unset; names a second broker with its own
#      state and logs). See README.md beside this file.
set -euo pipefail

# --- paths -------------------------------------------------------------------
# Resolve everything from the script's own location so it works from any cwd
# (npm scripts, .ci/run, a developer's shell in a sub-folder).
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
POM="${SCRIPT_DIR}/pom.xml"
KAFKA_HOME="${REPO_ROOT}/.kafka"          # git-ignored
LIBS_DIR="${KAFKA_HOME}/libs"             # broker classpath
# KAFKA_INSTANCE names a second, independent broker (its own state and logs; give it its own
# ports), so fault-injection tests can stop and restart a broker nobody else is using.
INSTANCE_SUFFIX="${KAFKA_INSTANCE:+-${KAFKA_INSTANCE}}"
STATE_DIR="${KAFKA_HOME}/state${INSTANCE_SUFFIX}"   # pid + pointer to the temp data dir of the running broker
LOG_DIR="${KAFKA_HOME}/logs${INSTANCE_SUFFIX}"      # kept after `stop` so a failed CI run can be diagnosed
PID_FILE="${STATE_DIR}/kafka.pid"
DATA_DIR_FILE="${STATE_DIR}/data-dir"

KAFKA_PORT="${KAFKA_PORT:-19092}"                       # not 9092: don't clash with a user's own Kafka
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
BROKERS="127.0.0.1:${KAFKA_PORT}"

# The pinned version lives in one place only: the pom.
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "${POM}")"
KAFKA_JAR="${LIBS_DIR}/kafka_2.13-${KAFKA_VERSION}.jar"

log() { printf '[kafka.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- helpers -----------------------------------------------------------------

# Java for the CLI tools (StorageTool, BrokerApiVersionsCommand): quiet log4j to
# stderr at WARN, otherwise they print "log4j:WARN No appenders" noise.
tools_java() {
  java -Xmx256m -Dlog4j.configuration="file:${KAFKA_HOME}/tools-log4j.properties" \
    -cp "${LIBS_DIR}/*" "$@"
}

write_tools_log4j() {
  mkdir -p "${KAFKA_HOME}"
  cat >"${KAFKA_HOME}/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

# Pid of the broker this script started, if that process is still alive and is
# really our kafka.Kafka (guards against a stale pid file and pid reuse).
running_pid() {
  [[ -f "${PID_FILE}" ]] || return 1
  local pid
  pid="$(cat "${PID_FILE}" 2>/dev/null || true)"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  kill -0 "${pid}" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  printf '%s\n' "${pid}"
}

# Is anything listening on 127.0.0.1:$1? (bash's /dev/tcp: no extra tools needed)
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Does the broker answer a real protocol request (not just accept TCP)?
# Prefer kafkajs (the client the app uses, ~0.3 s per try); fall back to Kafka's
# own BrokerApiVersionsCommand (a JVM per try, ~2 s) before `npm ci` has run.
probe() {
  if command -v node >/dev/null 2>&1 && [[ -f "${REPO_ROOT}/node_modules/kafkajs/package.json" ]]; then
    (cd "${REPO_ROOT}" && KAFKAJS_NO_PARTITIONER_WARNING=1 PROBE_BROKERS="${BROKERS}" timeout 15 node -e '
      const { Kafka, logLevel } = require("kafkajs");
      const kafka = new Kafka({ clientId: "kafka-sh-probe", brokers: [process.env.PROBE_BROKERS],
        logLevel: logLevel.NOTHING, connectionTimeout: 1000, requestTimeout: 3000, retry: { retries: 0 } });
      const admin = kafka.admin();
      (async () => {
        await admin.connect();
        // Metadata only lists unfenced brokers, so a non-empty list means "ready".
        const { brokers } = await admin.describeCluster();
        await admin.disconnect();
        process.exit(brokers.length > 0 ? 0 : 1);
      })().catch(() => process.exit(1));
    ' >/dev/null 2>&1)
  else
    timeout 20 java -Xmx128m -Dlog4j.configuration="file:${KAFKA_HOME}/tools-log4j.properties" \
      -cp "${LIBS_DIR}/*" kafka.admin.BrokerApiVersionsCommand --bootstrap-server "${BROKERS}" \
      >/dev/null 2>&1
  fi
}

# Create __consumer_offsets now (a FindCoordinator request triggers it), so the
# first consumer group in a test doesn't wait for it, and kafkajs doesn't log
# "The group coordinator is not available" at ERROR while it retries.
# Best effort: skipped without node/kafkajs, and a failure is not fatal.
warm_up_group_coordinator() {
  command -v node >/dev/null 2>&1 && [[ -f "${REPO_ROOT}/node_modules/kafkajs/package.json" ]] || return 0
  (cd "${REPO_ROOT}" && PROBE_BROKERS="${BROKERS}" timeout 30 node -e '
    const { Kafka, logLevel } = require("kafkajs");
    const kafka = new Kafka({ clientId: "kafka-sh-warmup", brokers: [process.env.PROBE_BROKERS],
      logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 200 } });
    const admin = kafka.admin();
    (async () => {
      await admin.connect();
      await admin.describeGroups(["kafka-sh-warmup"]);
      await admin.disconnect();
    })().then(() => process.exit(0), () => process.exit(1));
  ' >/dev/null 2>&1) || log "warning: consumer-offsets warm-up failed (harmless)"
}

print_log_tail() {
  local f
  for f in "${LOG_DIR}/server.log" "${LOG_DIR}/stdout.log"; do
    if [[ -s "${f}" ]]; then
      log "---- last 60 lines of ${f} ----"
      tail -n 60 "${f}" >&2 || true
    fi
  done
}

# Wait until the broker answers, or fail. $1 = pid to watch (fail fast if it dies).
wait_ready() {
  local pid="$1" start now
  start="$(date +%s)"
  while true; do
    if probe; then
      now="$(date +%s)"
      log "broker ready after $((now - start)) s (pid ${pid})"
      return 0
    fi
    if ! kill -0 "${pid}" 2>/dev/null; then
      log "broker process ${pid} exited during startup"
      print_log_tail
      return 1
    fi
    now="$(date +%s)"
    if ((now - start >= KAFKA_START_TIMEOUT)); then
      log "broker did not answer on ${BROKERS} within ${KAFKA_START_TIMEOUT} s"
      print_log_tail
      return 1
    fi
    sleep 1
  done
}

# --- subcommands -------------------------------------------------------------

cmd_install() {
  command -v java >/dev/null 2>&1 || die "java not found (Java 17+ required)"
  if [[ -f "${KAFKA_JAR}" ]]; then
    log "Kafka ${KAFKA_VERSION} jars already in ${LIBS_DIR}"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch the Kafka jars)"
  log "fetching Kafka ${KAFKA_VERSION} jars from Maven Central into ${LIBS_DIR}"
  # Copy into a scratch dir and swap it in only on success: an interrupted
  # download never leaves a half classpath that passes the check above, and a
  # version bump never mixes old and new jars.
  local tmp="${KAFKA_HOME}/libs.tmp"
  rm -rf "${tmp}"
  mkdir -p "${KAFKA_HOME}"
  # Maven's output goes to a file (with -q it is only errors, plus stray ANSI
  # resets that Maven 3.8 prints even in batch mode) and is shown on failure.
  if ! mvn -B -q -f "${POM}" dependency:copy-dependencies -DoutputDirectory="${tmp}" \
    >"${KAFKA_HOME}/mvn.log" 2>&1; then
    cat "${KAFKA_HOME}/mvn.log" >&2
    die "maven failed to fetch the Kafka jars"
  fi
  [[ -f "${tmp}/kafka_2.13-${KAFKA_VERSION}.jar" ]] || die "maven did not produce kafka_2.13-${KAFKA_VERSION}.jar"
  rm -rf "${LIBS_DIR}"
  mv "${tmp}" "${LIBS_DIR}"
  log "installed $(find "${LIBS_DIR}" -name '*.jar' | wc -l) jars"
}

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    # Ours and alive: either ready already, or still starting (wait for it).
    if probe || wait_ready "${pid}"; then
      log "already running (pid ${pid}), data dir $(cat "${DATA_DIR_FILE}" 2>/dev/null || echo '?')"
      echo "KAFKA_BROKERS=${BROKERS}"
      return 0
    fi
    die "a broker started by this script (pid ${pid}) is running but not answering; run: $0 stop"
  fi
  # Stale state from a crashed/killed broker: clean it before starting fresh.
  cleanup_state

  local p
  for p in "${KAFKA_PORT}" "${KAFKA_CONTROLLER_PORT}"; do
    if port_in_use "${p}"; then
      die "port ${p} on 127.0.0.1 is already in use by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done

  cmd_install
  write_tools_log4j

  # Fresh data dir every start: tests get an empty cluster, and nothing is
  # written inside the repo except .kafka/{libs,state,logs}.
  local data_dir
  data_dir="$(mktemp -d "${TMPDIR:-/tmp}/tgrisk-kafka.XXXXXX")"
  mkdir -p "${STATE_DIR}" "${LOG_DIR}" "${data_dir}/kraft-logs"
  printf '%s\n' "${data_dir}" >"${DATA_DIR_FILE}"
  : >"${LOG_DIR}/server.log"
  : >"${LOG_DIR}/stdout.log"

  cat >"${data_dir}/server.properties" <<EOF
# Generated by scripts/kafka/kafka.sh: single-node KRaft (broker + controller in one JVM).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${data_dir}/kraft-logs
# One broker: every internal topic must have RF 1 or it is never created.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Tests: no 3 s wait before the first consumer group rebalance.
group.initial.rebalance.delay.ms=0
num.partitions=4
# Topics must be created explicitly (as in production).
auto.create.topics.enable=false
EOF

  # Broker log4j: everything to a file, nothing to the terminal.
  cat >"${data_dir}/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${LOG_DIR}/server.log
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
# These two are very chatty at INFO and never useful in tests.
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients.NetworkClient=WARN
EOF

  # Format the storage (writes meta.properties + the bootstrap metadata).
  local cluster_id
  cluster_id="$(tools_java kafka.tools.StorageTool random-uuid)"
  tools_java kafka.tools.StorageTool format -t "${cluster_id}" \
    -c "${data_dir}/server.properties" --ignore-formatted >>"${LOG_DIR}/stdout.log" 2>&1 \
    || { print_log_tail; die "kafka-storage format failed"; }

  launch_broker "${data_dir}" || die "Kafka failed to start; full logs in ${LOG_DIR}"
  warm_up_group_coordinator
  echo "KAFKA_BROKERS=${BROKERS}"
}

# Start the JVM on an already formatted data dir and wait until it answers. $1 = data dir.
launch_broker() {
  local data_dir="$1" pid
  log "starting Kafka ${KAFKA_VERSION} on ${BROKERS} (controller :${KAFKA_CONTROLLER_PORT}), data dir ${data_dir}"
  # - setsid: own session, so a Ctrl-C in the caller's terminal doesn't kill the daemon.
  # - the wrapper shell writes its own pid and then execs java, so the pid file
  #   holds the JVM's pid whatever setsid does about forking.
  # - stdin/stdout/stderr detached: callers like $(kafka.sh start) or CI pipes don't hang.
  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS is a list of JVM flags on purpose
  setsid bash -c 'echo "$$" >"$0"; exec "$@"' "${PID_FILE}" \
    java ${KAFKA_HEAP_OPTS} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:${data_dir}/log4j.properties" \
    -cp "${LIBS_DIR}/*" kafka.Kafka "${data_dir}/server.properties" \
    </dev/null >>"${LOG_DIR}/stdout.log" 2>&1 &

  # Wait for the wrapper to record the pid.
  local i
  for i in $(seq 1 50); do
    [[ -s "${PID_FILE}" ]] && break
    sleep 0.1
  done
  pid="$(cat "${PID_FILE}" 2>/dev/null || true)"
  [[ -n "${pid}" ]] || die "broker process did not start"

  if ! wait_ready "${pid}"; then
    cmd_stop >/dev/null 2>&1 || true
    return 1
  fi
}

# Delete the temp data dir and the state files (not the logs, not the jars).
cleanup_state() {
  if [[ -f "${DATA_DIR_FILE}" ]]; then
    local d
    d="$(cat "${DATA_DIR_FILE}")"
    # Only ever delete a dir this script created.
    if [[ -n "${d}" && "$(basename "${d}")" == tgrisk-kafka.* && -d "${d}" ]]; then
      rm -rf "${d}"
    fi
  fi
  rm -rf "${STATE_DIR}"
}

cmd_stop() {
  local pid
  if pid="$(running_pid)"; then
    log "stopping broker (pid ${pid})"
    # SIGTERM = controlled shutdown (flushes logs, closes listeners).
    kill -TERM "${pid}" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do
      kill -0 "${pid}" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "${pid}" 2>/dev/null; then
      log "broker did not exit within 30 s, sending SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      sleep 1
    fi
    log "stopped"
  else
    log "no broker started by this script is running"
  fi
  cleanup_state
}

# Stop the broker but keep its data, so `resume` brings back the same cluster (fault tests:
# "broker down for 30 s"). SIGKILL with --hard, to model a crash rather than a clean shutdown.
cmd_pause() {
  local pid
  pid="$(running_pid)" || die "no broker started by this script is running"
  if [[ "${1:-}" == "--hard" ]]; then kill -KILL "${pid}" 2>/dev/null || true; else kill -TERM "${pid}" 2>/dev/null || true; fi
  local i
  for i in $(seq 1 30); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "${pid}" 2>/dev/null && kill -KILL "${pid}" 2>/dev/null
  rm -f "${PID_FILE}"
  log "paused (data kept in $(cat "${DATA_DIR_FILE}"))"
}

# Start a paused broker again on its kept data dir.
cmd_resume() {
  running_pid >/dev/null && { log "already running"; echo "KAFKA_BROKERS=${BROKERS}"; return 0; }
  [[ -f "${DATA_DIR_FILE}" ]] || die "nothing to resume: no paused broker (use start)"
  local data_dir
  data_dir="$(cat "${DATA_DIR_FILE}")"
  launch_broker "${data_dir}" || die "Kafka failed to resume; full logs in ${LOG_DIR}"
  echo "KAFKA_BROKERS=${BROKERS}"
}

cmd_status() {
  if running_pid >/dev/null && probe; then
    echo "KAFKA_BROKERS=${BROKERS}"
    return 0
  fi
  log "not running (or not answering on ${BROKERS})"
  return 1
}

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  pause) cmd_pause "${2:-}" ;;
  resume) cmd_resume ;;
  *) usage ;;
esac
