#!/usr/bin/env bash
# Side by side (issue 10): CEM Hub against Node-RED 4.1.8 and a minimal hand-written Camel route, in one run,
# with the same corpus, rule, sinks and load generator for each. See docs/performance.md "Side by side".
#
#   bench/compare.sh                         # full: 100,000 customers x 5, 60 s warm-up, 3 x 60 s, open loop 3 x 60 s; JDK 17 and 25
#   bench/compare.sh --quick                 # 20,000 customers x 5, 15 s warm-up, 3 x 15 s, open loop 3 x 15 s
#   bench/compare.sh --quick --contestants hub --jdks 17
#
# Steps: starts the sinks (io.cemhub.bench.CompareSinks: webhook counter on 18083, Artemis on 18091); runs
# Node-RED (installed with npm ci from bench/node-red into the work dir) and takes its median events/s as the
# peer's maximum; then, per JDK, the minimal route (io.cemhub.bench.MinimalCamelRoute) and the hub (the jar,
# profile bench, a fresh data dir, the bench rule and a webhook subscriber); each driven by
# io.cemhub.bench.CompareDriver, which checks the golden count of transitions after every phase.
# Environment: BENCH_WORK (/tmp/cem-compare), HUB_JVM_OPTS, HUB_ARGS, JDK17, JDK25 (java binaries).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/common.sh
. bench/common.sh

HTTP_PORT=18080 BROKER_PORT=16161 WEBHOOK_PORT=18083 SINK_PORT=18091
WORK="${BENCH_WORK:-/tmp/cem-compare}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
CONTESTANTS="node-red,camel,hub"
JDKS="17 25"
# The minimal route takes ~120,000 events/s for 4 minutes: room for 60 million records (--max-batches).
DRIVER_ARGS=(--customers 100000 --warmup-seconds 60 --runs 3 --run-seconds 60 --open-seconds 60 --max-batches 600000)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) DRIVER_ARGS=(--customers 20000 --warmup-seconds 15 --runs 3 --run-seconds 15 --open-seconds 15); shift ;;
    --contestants) CONTESTANTS="$2"; shift 2 ;;
    --jdks) JDKS="$2"; shift 2 ;;
    --peer-max) PEER_MAX="$2"; shift 2 ;;
    --) shift; DRIVER_ARGS+=("$@"); break ;;
    *) echo "unknown option $1 (driver options go after --)" >&2; exit 2 ;;
  esac
done

bench_ports_free "$HTTP_PORT" "$BROKER_PORT" "$WEBHOOK_PORT" "$SINK_PORT"
bench_build
mkdir -p "$WORK" bench/results
if [[ ! -f "$WORK/cp.txt" || pom.xml -nt "$WORK/cp.txt" ]]; then
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt"
fi
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
LOG_OPTS=(-Dlogback.configurationFile=bench/logback-bench.xml)
RESULTS="bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ).txt"
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do bench_stop "$p"; done
}
trap cleanup EXIT

driver() {
  # The driver runs on the default JDK whatever the contestant's; it is the same program for everyone.
  java "${LOG_OPTS[@]}" -cp "$CP" io.cemhub.bench.CompareDriver --url "http://127.0.0.1:$HTTP_PORT" "$@" "${DRIVER_ARGS[@]}" 2>&1 | tee -a "$RESULTS"
  return "${PIPESTATUS[0]}"
}

{
  echo "bench/compare.sh $(git log -1 --format='%h %cI' 2>/dev/null) on $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs"
  bench_machine "at start"
  echo "driver options: ${DRIVER_ARGS[*]}"
} | tee "$RESULTS"

java "${LOG_OPTS[@]}" -cp "$CP" io.cemhub.bench.CompareSinks "$WEBHOOK_PORT" "$SINK_PORT" >"$WORK/sinks.log" 2>&1 &
PIDS+=($!)
bench_wait_up "${PIDS[0]}" "$WORK/sinks.log" grep -q "sinks ready" "$WORK/sinks.log"

status=0
PEER_MAX="${PEER_MAX:-0}"
if [[ ",$CONTESTANTS," == *",node-red,"* ]]; then
  NR="$WORK/node-red"
  mkdir -p "$NR/user"
  if ! cmp -s bench/node-red/package-lock.json "$NR/package-lock.json" || [[ ! -d "$NR/node_modules/node-red" ]]; then
    cp bench/node-red/package.json bench/node-red/package-lock.json "$NR/"
    (cd "$NR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  cp bench/node-red/flows.json bench/node-red/settings.js "$NR/user/"
  echo "== node-red $(node --version) / Node-RED $(node -p "require('$NR/node_modules/node-red/package.json').version")" | tee -a "$RESULTS"
  NODE_RED_PORT=$HTTP_PORT node "$NR/node_modules/node-red/red.js" --settings "$NR/user/settings.js" --userDir "$NR/user" \
    >"$WORK/node-red.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  bench_wait_up "$pid" "$WORK/node-red.log" grep -q "Connected to broker" "$WORK/node-red.log"
  driver --contestant node-red --pid "$pid" --label "runtime=node-$(node --version)" || status=1
  bench_stop "$pid"
  PEER_MAX=$(grep '^RESULT contestant=node-red' "$RESULTS" | tail -1 | sed -n 's/.*median=\([0-9]*\).*/\1/p')
  echo "peer (Node-RED) median: $PEER_MAX events/s: open-loop rates are 25/50/75 % of it" | tee -a "$RESULTS"
fi

for v in $JDKS; do
  jvm=$([[ "$v" == 25 ]] && echo "$JDK25" || echo "$JDK17")
  jdk="jdk=$("$jvm" -version 2>&1 | head -1 | tr ' ' '_')"
  if [[ ",$CONTESTANTS," == *",camel,"* ]]; then
    echo "== minimal Camel route on $jdk" | tee -a "$RESULTS"
    "$jvm" "${LOG_OPTS[@]}" -cp "$CP" io.cemhub.bench.MinimalCamelRoute "$HTTP_PORT" "tcp://127.0.0.1:$SINK_PORT" \
      "http://127.0.0.1:$WEBHOOK_PORT/webhook" >"$WORK/camel.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    bench_wait_up "$pid" "$WORK/camel.log" grep -q "minimal route ready" "$WORK/camel.log"
    driver --contestant camel --pid "$pid" --peer-max "$PEER_MAX" --label "$jdk" || status=1
    bench_stop "$pid"
  fi
  if [[ ",$CONTESTANTS," == *",hub,"* ]]; then
    echo "== CEM Hub on $jdk" | tee -a "$RESULTS"
    data="$(mktemp -d /tmp/cem-compare-hub.XXXXXX)"
    mkdir -p "$data/config"
    cp config/*.yaml "$data/config/"
    cp bench/hub/thresholds.yaml bench/hub/subscriptions.yaml "$data/config/"
    bench_hub_logins
    CEM_BENCH_WEBHOOK_SECRET="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    export CEM_BENCH_WEBHOOK_SECRET
    # Flapping suppression off: the peers have none, and the golden count counts every transition.
    # shellcheck disable=SC2086 # HUB_ARGS is a word list on purpose
    bench_start_hub "$jvm" "$data" "$HTTP_PORT" "$BROKER_PORT" --cem.config-dir="$data/config" \
      --cem.thresholds.flap-max-transitions=1000000000 ${HUB_ARGS:-}
    PIDS+=("$HUB_PID")
    bench_wait_up "$HUB_PID" "$data/hub.log" bench_hub_healthy "$HTTP_PORT"
    driver --contestant hub --pid "$HUB_PID" --hub-events true --topic-broker "tcp://127.0.0.1:$BROKER_PORT" \
      --topic cem.events --peer-max "$PEER_MAX" --label "$jdk" || status=1
    bench_stop "$HUB_PID"
    echo "hub log: $(grep -cE ' (ERROR|WARN) ' "$data/hub.log" || true) WARN/ERROR lines (kept in $data/hub.log)" | tee -a "$RESULTS"
    grep -E ' (ERROR|WARN) ' "$data/hub.log" | head -3 | cut -c1-300 | tee -a "$RESULTS" || true
    rm -rf "$data/broker" "$data/db"
  fi
done

{
  bench_machine "at end"
  echo
  echo "| contestant | runtime | events/s median (min-max) | CPU-ms / 1,000 events | open loop (rate: p50 / p99) | golden count |"
  echo "|---|---|---:|---:|---|---|"
  grep '^RESULT' "$RESULTS" | sed -E 's/^RESULT contestant=([^ ]+) (runtime|jdk)=([^ ]+) events\/s median=([0-9]+) min=([0-9]+) max=([0-9]+) cpu-ms\/1000=([0-9.]+) (.*) golden=([A-Za-z]+)$/| \1 | \3 | \4 (\5-\6) | \7 | \8 | \9 |/'
} | tee -a "$RESULTS"
echo "results in $RESULTS"
exit "$status"
