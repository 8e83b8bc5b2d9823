package io.cemhub.snmp;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The trap receiver's counters on /actuator/prometheus: {@code cem.snmp.traps.received} (datagrams that
 * reached the receiver), {@code .decoded} (notifications that passed the security checks and became a
 * JSON document), {@code .dropped{reason}} (refused or lost, see {@link Drop}), {@code .unknown} (traps
 * with no mapping, kept in quarantine), {@code .durable} (made durable in the broker) and
 * {@code .informs.acknowledged}.
 */
public class TrapMetrics {

    /** Why a trap was dropped: the tag value of {@code cem.snmp.traps.dropped{reason}}. */
    public enum Drop {
        BAD_COMMUNITY("bad-community"),
        UNKNOWN_USER("unknown-user"),
        BAD_AUTH("bad-auth"),
        BAD_PRIVACY("bad-privacy"),
        INSECURE_LEVEL("insecure-level"),
        NOT_IN_TIME_WINDOW("not-in-time-window"),
        NOT_A_NOTIFICATION("not-a-notification"),
        UNDECODABLE("undecodable"),
        QUEUE_FULL("queue-full"),
        NOT_DURABLE("not-durable");

        private final String tag;

        Drop(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry meters;

    public TrapMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Drop drop : Drop.values()) {
            meters.counter("cem.snmp.traps.dropped", "reason", drop.tag()); // every reason shows, at 0
        }
        for (String name : new String[] {"received", "decoded", "unknown", "durable", "informs.acknowledged"}) {
            meters.counter("cem.snmp.traps." + name);
        }
    }

    public void received() {
        meters.counter("cem.snmp.traps.received").increment();
    }

    public void decoded() {
        meters.counter("cem.snmp.traps.decoded").increment();
    }

    public void dropped(Drop reason, int count) {
        meters.counter("cem.snmp.traps.dropped", "reason", reason.tag()).increment(count);
    }

    public void unknown(int count) {
        meters.counter("cem.snmp.traps.unknown").increment(count);
    }

    public void durable(int count) {
        meters.counter("cem.snmp.traps.durable").increment(count);
    }

    public void informAcknowledged() {
        meters.counter("cem.snmp.traps.informs.acknowledged").increment();
    }

    public double count(String name) {
        return meters.counter("cem.snmp.traps." + name).count();
    }

    public double dropped(Drop reason) {
        return meters.counter("cem.snmp.traps.dropped", "reason", reason.tag()).count();
    }
}
