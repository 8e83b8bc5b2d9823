#!/usr/bin/env bash
# SNMP traps end-to-end benchmark: starts a hub like bench/ingest-load.sh (profile bench, fresh data dir,
# trap receiver on udp 127.0.0.1:$TRAP_PORT with community cem-bench), then io.cemhub.bench.TrapLoadGenerator
# sends SNMPv2c linkUp traps with SNMP4J over loopback at a fixed rate and counts the events that arrive
# on cem.events; it reports traps/s end to end, loss, the hub's drop counters and the kernel's UDP
# receive-buffer errors (/proc/net/snmp Udp RcvbufErrors) during the run.
#
#   bench/snmp-traps.sh --rate 5000 --count 100000
#   bench/snmp-traps.sh --rate 20000 --count 200000 --warmup 20000
#
# Environment: as bench/ingest-load.sh, plus TRAP_PORT (11162).
set -euo pipefail
TRAP_PORT="${TRAP_PORT:-11162}"
export GENERATOR=io.cemhub.bench.TrapLoadGenerator
# The generated devices are in no registry: without hold-horizon 0s the identity hold (snmp is a system the
# CRM masters) would keep every trap waiting an hour for its mapping instead of letting it flow on unresolved.
export HUB_ARGS="--cem.snmp.traps.port=$TRAP_PORT --cem.snmp.traps.communities[0]=cem-bench --cem.identity.hold-horizon=0s ${HUB_ARGS:-}"
exec "$(dirname "$0")/ingest-load.sh" --trap-port "$TRAP_PORT" "$@"
