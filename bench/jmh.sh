#!/usr/bin/env bash
# JMH micro-benchmarks of the hub's pure parts (src/test/java/io/cemhub/bench/*Benchmark).
# exec:exec rather than exec:java: JMH forks a JVM per benchmark and gives it java.class.path, which
# under exec:java is Maven's own class path (the fork then fails: "Could not find ForkedMain").
#
#   bench/jmh.sh                                       # -f 1 -wi 3 -i 5 over all benchmarks
#   bench/jmh.sh -f 1 -wi 3 -i 5 -w 3s -r 5s Partitioner
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/jmh.sh
#
# Runs from the repository root so that the validator reads ./config/kpis.yaml, as the hub does.
set -euo pipefail
cd "$(dirname "$0")/.."
args="$*"
if [[ -z "$args" ]]; then
  args="-f 1 -wi 3 -i 5 io.cemhub.bench"
fi
mvn -B -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable="${JAVA:-java}" \
  -Dexec.args="-cp %classpath org.openjdk.jmh.Main $args"
