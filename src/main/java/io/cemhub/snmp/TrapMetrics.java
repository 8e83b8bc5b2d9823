package io.cemhub.snmp;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The trap receiver's counters on /actuator/prometheus: {@code cem.snmp.traps.received} (datagrams that
 * reached the receiver), {@code .decoded} (notifications that passed the security checks, became a JSON
 * document and wait to be made durable), {@code .dropped{reason}} (refused or lost, see {@link Drop}),
 * {@code .unknown} (traps with no mapping, kept in quarantine), {@code .durable} (made durable in the
 * broker) and {@code .informs.acknowledged}.
 * <p>Every datagram received ends in exactly one of {@code decoded} or {@code dropped{reason}} (but
 * {@code not-durable}, which befalls decoded ones later): {@link #decodeOne} runs the decoding of one
 * datagram and counts its outcome once, whatever SNMP4J and the receiver said on the way, and
 * {@code undecodable} when nobody said anything (SNMP4J drops some garbage without a counter of its own).
 * So {@code received = decoded + dropped} (the datagrams in the decode queue aside), and
 * {@code decoded = durable + dropped{not-durable}} once the batcher is idle.
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
        /** A v3 sender's engine-id discovery (a normal first step of v3 INFORMs): answered with a Report, no trap in it. */
        ENGINE_DISCOVERY("engine-discovery"),
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
    /** The outcome of the datagram this thread decodes ({@link #decodeOne}), or none. */
    private final ThreadLocal<Outcome> current = new ThreadLocal<>();

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

    /**
     * Decodes one datagram and counts what became of it, once: the receiver's own verdict ({@link #decoded},
     * {@link #dropped}) if it gave one, else the first refusal SNMP4J reported through its counters
     * ({@link #refusedBySnmp4j}), else {@code undecodable}.
     */
    public void decodeOne(Runnable decoding) {
        Outcome outcome = new Outcome();
        current.set(outcome);
        try {
            decoding.run();
        } finally {
            current.remove();
            if (outcome.decoded) {
                meters.counter("cem.snmp.traps.decoded").increment();
            } else {
                count(outcome.drop == null ? Drop.UNDECODABLE : outcome.drop, 1);
            }
        }
    }

    /** The receiver's verdict: the datagram became a notification waiting to be made durable. */
    public void decoded() {
        Outcome outcome = current.get();
        if (outcome != null) {
            outcome.decoded = true;
            outcome.drop = null;
        } else {
            meters.counter("cem.snmp.traps.decoded").increment();
        }
    }

    /** The receiver's verdict on the datagram being decoded, or (outside one: queue-full, not-durable) a count. */
    public void dropped(Drop reason, int count) {
        Outcome outcome = current.get();
        if (outcome != null) {
            outcome.decoded = false;
            outcome.drop = reason;
        } else {
            count(reason, count);
        }
    }

    /** A refusal SNMP4J reported (a USM or parse counter): the datagram's outcome unless another came first. */
    public void refusedBySnmp4j(Drop reason, int count) {
        Outcome outcome = current.get();
        if (outcome != null) {
            if (!outcome.decoded && outcome.drop == null) {
                outcome.drop = reason;
            }
        } else {
            count(reason, count);
        }
    }

    private void count(Drop reason, int count) {
        meters.counter("cem.snmp.traps.dropped", "reason", reason.tag()).increment(count);
    }

    private static final class Outcome {
        boolean decoded;
        Drop drop;
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
