# Shared by bench/ingest-load.sh and bench/compare.sh (sourced, not run): free-port check, build, machine
# load line, the hub's throw-away logins, starting a hub on the bench ports and stopping a process.

JAR=target/cem-hub-0.1.0-SNAPSHOT.jar

bench_ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port on 127.0.0.1 is already in use (a benchmark still running?)" >&2
      return 2
    fi
  done
}

# Builds the jar if it is missing or older than the sources; compiles the test classes (the generators).
bench_build() {
  if [[ ! -f "$JAR" ]] || [[ -n "$(find src/main config pom.xml -newer "$JAR" -print -quit)" ]]; then
    echo "building $JAR ..."
    mvn -B -q package -DskipTests
  fi
  mvn -B -q test-compile
}

# Other work on the machine skews every figure: say how idle it was.
bench_machine() {
  echo "machine $1: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle over 2 s: $(vmstat 2 2 | tail -1 | awk '{print $15}')%"
}

# Logins for the generators, new for each run: an API key (SOURCE) for the POSTs, and an ADMIN user for the
# subscription on cem.events ({noop}: a throw-away password of a throw-away hub).
bench_hub_logins() {
  export CEM_BENCH_API_KEY="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export CEM_BENCH_BROKER_USER=bench
  export CEM_BENCH_BROKER_PASSWORD="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  BENCH_KEY_SHA=$(printf %s "$CEM_BENCH_API_KEY" | sha256sum | cut -d' ' -f1)
}

# bench_start_hub JAVA DATA_DIR HTTP_PORT BROKER_PORT [spring args...]: starts the jar (profile bench) in the
# background with the logins of bench_hub_logins; sets HUB_PID; output in DATA_DIR/hub.log.
bench_start_hub() {
  local java="$1" data="$2" http="$3" broker="$4"
  shift 4
  echo "starting hub ($("$java" -version 2>&1 | head -1)) on 127.0.0.1:$http, broker 127.0.0.1:$broker, data $data"
  # shellcheck disable=SC2086 # HUB_JVM_OPTS is a word list on purpose
  "$java" ${HUB_JVM_OPTS:-} -jar "$JAR" \
    --spring.profiles.active=bench \
    --server.port="$http" \
    "--cem.broker.acceptor=tcp://127.0.0.1:$broker?protocols=CORE,AMQP,STOMP,MQTT" \
    --cem.data-dir="$data" \
    "--cem.security.api-keys[0].name=bench" "--cem.security.api-keys[0].sha256=$BENCH_KEY_SHA" \
    "--cem.security.api-keys[0].roles=SOURCE" \
    "--cem.security.users[0].username=$CEM_BENCH_BROKER_USER" \
    "--cem.security.users[0].password-hash={noop}$CEM_BENCH_BROKER_PASSWORD" "--cem.security.users[0].roles=ADMIN" \
    "$@" >"$data/hub.log" 2>&1 &
  HUB_PID=$!
}

# bench_wait_up PID LOG COMMAND...: waits until COMMAND succeeds while PID lives, up to BENCH_UP_SECONDS
# (300: a hub on two cores shared with several test suites has taken over 3 minutes to start).
bench_wait_up() {
  local pid="$1" log="$2" limit="${BENCH_UP_SECONDS:-300}"
  shift 2
  for _ in $(seq 1 $((limit * 2))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "process $pid exited during start-up; last lines of $log:" >&2
      tail -40 "$log" >&2
      return 1
    fi
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "process $pid not up within $limit s; last lines of $log:" >&2
  tail -40 "$log" >&2
  return 1
}

bench_hub_healthy() {
  curl -fs "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '^{"status":"UP"'
}

# SIGTERM, then SIGKILL after 60 s (the hub's graceful shutdown is bounded by 30 s per phase).
bench_stop() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.5
    done
    echo "process $pid did not stop within 60 s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
}
