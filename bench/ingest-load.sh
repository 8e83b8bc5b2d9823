#!/usr/bin/env bash
# End-to-end ingest benchmark: builds the jar if it is missing or older than the sources, starts a hub
# (profile bench, fresh data dir under /tmp, loopback ports that do not clash with a hub on the default
# ports), waits for /actuator/health UP, runs io.cemhub.bench.IngestLoadGenerator with the arguments
# given here, stops the hub with SIGTERM and prints the generator's results.
#
#   bench/ingest-load.sh --mode batch --connections 8 --count 200000
#   bench/ingest-load.sh --mode single --connections 16 --count 50000 --warmup 20000
#   bench/ingest-load.sh --mode batch --loop open --rate 2000 --count 60000
#   bench/ingest-load.sh --mode jms --connections 8 --count 60000   # one persistent JMS message per record on cem.ingest.canonical
#   bench/ingest-load.sh --mode wisla-vpn --connections 32 --count 40000   # one wiSLA.VPN export (5 records) per
#                                                    # persistent message on cem.adapter.wisla-vpn: adapter, mapping, pipeline
#
# Environment: HUB_JAVA (java binary for the hub, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java),
# HUB_JVM_OPTS (e.g. -XX:StartFlightRecording=delay=40s,duration=30s,filename=/tmp/hub.jfr),
# HUB_ARGS (extra Spring arguments), HTTP_PORT (18080), BROKER_PORT (16161), KEEP_DATA=1 (keep /tmp dir),
# GENERATOR (the generator's main class; bench/snmp-traps.sh runs io.cemhub.bench.TrapLoadGenerator).
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=bench/common.sh
. bench/common.sh
HTTP_PORT="${HTTP_PORT:-18080}"
BROKER_PORT="${BROKER_PORT:-16161}"
HUB_JAVA="${HUB_JAVA:-java}"
GENERATOR="${GENERATOR:-io.cemhub.bench.IngestLoadGenerator}"

# The generated tunnels are in no registry: wisla-vpn is a system the identity hold waits for (see
# bench/snmp-traps.sh), so that mode runs with the hold off.
if [[ " $* " == *" --mode wisla-vpn "* ]]; then
  HUB_ARGS="--cem.identity.hold-horizon=0s ${HUB_ARGS:-}"
fi
bench_ports_free "$HTTP_PORT" "$BROKER_PORT" || { echo "set HTTP_PORT / BROKER_PORT" >&2; exit 2; }
# The generator runs from target/test-classes; compile it before the hub takes the CPU.
bench_build
bench_machine "before start"

DATA_DIR="$(mktemp -d /tmp/cem-bench.XXXXXX)"
HUB_LOG="$DATA_DIR/hub.log"
HUB_PID=""

stop_hub() {
  bench_stop "$HUB_PID"
  if [[ "${KEEP_DATA:-0}" != "1" ]]; then
    rm -rf "$DATA_DIR"
  else
    echo "hub data and log kept in $DATA_DIR"
  fi
}
trap stop_hub EXIT

bench_hub_logins
# shellcheck disable=SC2086 # HUB_ARGS is a word list on purpose
bench_start_hub "$HUB_JAVA" "$DATA_DIR" "$HTTP_PORT" "$BROKER_PORT" ${HUB_ARGS:-}
if ! bench_wait_up "$HUB_PID" "$HUB_LOG" bench_hub_healthy "$HTTP_PORT"; then
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
