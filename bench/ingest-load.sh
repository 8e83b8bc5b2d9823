#!/usr/bin/env bash
# End-to-end ingest benchmark: builds the jar if it is missing or older than the sources, starts a hub
# (profile bench, fresh data dir under /tmp, loopback ports that do not clash with a hub on the default
# ports), waits for /actuator/health UP, runs io.cemhub.bench.IngestLoadGenerator with the arguments
# given here, stops the hub with SIGTERM and prints the generator's results.
#
#   bench/ingest-load.sh --mode batch --connections 8 --count 200000
#   bench/ingest-load.sh --mode single --connections 16 --count 50000 --warmup 20000
#   bench/ingest-load.sh --mode batch --loop open --rate 2000 --count 60000
#
# Environment: HUB_JAVA (java binary for the hub, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java),
# HUB_JVM_OPTS (e.g. -XX:StartFlightRecording=delay=40s,duration=30s,filename=/tmp/hub.jfr),
# HUB_ARGS (extra Spring arguments), HTTP_PORT (18080), BROKER_PORT (16161), KEEP_DATA=1 (keep /tmp dir),
# GENERATOR (the generator's main class; bench/snmp-traps.sh runs io.cemhub.bench.TrapLoadGenerator).
set -euo pipefail

cd "$(dirname "$0")/.."
HTTP_PORT="${HTTP_PORT:-18080}"
BROKER_PORT="${BROKER_PORT:-16161}"
HUB_JAVA="${HUB_JAVA:-java}"
GENERATOR="${GENERATOR:-io.cemhub.bench.IngestLoadGenerator}"
JAR=target/cem-hub-0.1.0-SNAPSHOT.jar

for port in "$HTTP_PORT" "$BROKER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is already in use: set HTTP_PORT / BROKER_PORT" >&2
    exit 2
  fi
done

if [[ ! -f "$JAR" ]] || [[ -n "$(find src/main config pom.xml -newer "$JAR" -print -quit)" ]]; then
  echo "building $JAR ..."
  mvn -B -q package -DskipTests
fi
# The generator runs from target/test-classes; compile it before the hub takes the CPU.
mvn -B -q test-compile

# Other work on the machine skews every figure: say how idle it was just before the hub started.
echo "machine before start: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle over 2 s: $(vmstat 2 2 | tail -1 | awk '{print $15}')%"

DATA_DIR="$(mktemp -d /tmp/cem-bench.XXXXXX)"
HUB_LOG="$DATA_DIR/hub.log"
HUB_PID=""

stop_hub() {
  if [[ -n "$HUB_PID" ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill -TERM "$HUB_PID"
    # Graceful shutdown is bounded by spring.lifecycle.timeout-per-shutdown-phase (30 s); allow 60 s.
    for _ in $(seq 1 120); do
      kill -0 "$HUB_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$HUB_PID" 2>/dev/null; then
      echo "hub $HUB_PID did not stop within 60 s of SIGTERM; killing it" >&2
      kill -KILL "$HUB_PID" 2>/dev/null || true
    fi
  fi
  if [[ "${KEEP_DATA:-0}" != "1" ]]; then
    rm -rf "$DATA_DIR"
  else
    echo "hub data and log kept in $DATA_DIR"
  fi
}
trap stop_hub EXIT

# Logins for the generator, new for each run: an API key (SOURCE) for the POSTs, and an ADMIN user for its
# subscription on cem.events ({noop}: a throw-away password of a throw-away hub).
export CEM_BENCH_API_KEY="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export CEM_BENCH_BROKER_USER=bench
export CEM_BENCH_BROKER_PASSWORD="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
BENCH_KEY_SHA=$(printf %s "$CEM_BENCH_API_KEY" | sha256sum | cut -d' ' -f1)

echo "starting hub ($("$HUB_JAVA" -version 2>&1 | head -1)) on 127.0.0.1:$HTTP_PORT, broker 127.0.0.1:$BROKER_PORT, data $DATA_DIR"
# shellcheck disable=SC2086 # HUB_JVM_OPTS and HUB_ARGS are word lists on purpose
"$HUB_JAVA" ${HUB_JVM_OPTS:-} -jar "$JAR" \
  --spring.profiles.active=bench \
  --server.port="$HTTP_PORT" \
  "--cem.broker.acceptor=tcp://127.0.0.1:$BROKER_PORT?protocols=CORE,AMQP,STOMP,MQTT" \
  --cem.data-dir="$DATA_DIR" \
  "--cem.security.api-keys[0].name=bench" "--cem.security.api-keys[0].sha256=$BENCH_KEY_SHA" \
  "--cem.security.api-keys[0].roles=SOURCE" \
  "--cem.security.users[0].username=$CEM_BENCH_BROKER_USER" \
  "--cem.security.users[0].password-hash={noop}$CEM_BENCH_BROKER_PASSWORD" "--cem.security.users[0].roles=ADMIN" \
  ${HUB_ARGS:-} >"$HUB_LOG" 2>&1 &
HUB_PID=$!

health="http://127.0.0.1:$HTTP_PORT/actuator/health"
up=0
for _ in $(seq 1 240); do
  if ! kill -0 "$HUB_PID" 2>/dev/null; then
    echo "hub exited during start-up; last lines of $HUB_LOG:" >&2
    tail -40 "$HUB_LOG" >&2
    KEEP_DATA=1
    exit 1
  fi
  if curl -fs "$health" 2>/dev/null | grep -q '^{"status":"UP"'; then
    up=1
    break
  fi
  sleep 0.5
done
if [[ "$up" != "1" ]]; then
  echo "hub not UP within 120 s; last lines of $HUB_LOG:" >&2
  tail -40 "$HUB_LOG" >&2
  KEEP_DATA=1
  exit 1
fi
echo "hub UP (pid $HUB_PID)"

set +e
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass="$GENERATOR" \
  -Dexec.args="--url http://127.0.0.1:$HTTP_PORT --broker tcp://127.0.0.1:$BROKER_PORT --hub-pid $HUB_PID $*" 2>&1 \
  | grep -v 'Standard Commons Logging discovery'
status=${PIPESTATUS[0]}
set -e
echo "machine after run: load average $(cut -d' ' -f1-3 /proc/loadavg)"
errors=$(grep -cE ' (ERROR|WARN) ' "$HUB_LOG" || true)
echo "hub log: $errors WARN/ERROR lines"
grep -E ' (ERROR|WARN) ' "$HUB_LOG" | head -5 | cut -c1-400 || true
if [[ "$status" != "0" ]]; then
  echo "generator FAILED (exit $status); hub log kept" >&2
  KEEP_DATA=1
fi
exit "$status"
