package io.cemhub.snmp;

import java.util.OptionalDouble;

/**
 * Utilisation and error rate from two polls of an interface, without spikes:
 * <ul>
 *   <li>the interval is the agent's own (sysUpTime difference), not the poller's;</li>
 *   <li>sysUpTime going back means the agent restarted and its counters started again: no rate this
 *       time, the new poll is the baseline;</li>
 *   <li>a counter lower than before has either wrapped (2^64 for octets, 2^32 for errors) or been reset
 *       (a line card swapped, counters cleared): the wrapped difference is used only when it is
 *       plausible for the interface's speed; otherwise, as for any difference implying more than the
 *       line can carry, the counter had a discontinuity and the poll only becomes the new baseline.</li>
 * </ul>
 */
public final class InterfaceRates {

    /** A difference worth more than this share of the line's capacity is a discontinuity, not traffic. */
    static final double MAX_UTILISATION = 1.10;
    private static final double TWO_POW_64 = 18446744073709551616.0;
    private static final long TWO_POW_32 = 1L << 32;
    /** The smallest Ethernet frame: at most speed / (64 * 8) errored frames per second. */
    private static final double MIN_FRAME_BITS = 64 * 8;

    private InterfaceRates() {
    }

    /** Seconds between the two polls by the agent's clock; empty when the agent restarted in between. */
    public static OptionalDouble interval(InterfaceSample before, InterfaceSample now) {
        if (before == null || now.sysUpTime() <= before.sysUpTime()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((now.sysUpTime() - before.sysUpTime()) / 100.0);
    }

    /** Utilisation in % of a 64-bit octet counter; empty on the first poll, a restart, a reset or unknown speed. */
    public static OptionalDouble utilisation(long octetsBefore, long octetsNow, double seconds, long speedMbps) {
        if (speedMbps <= 0 || seconds <= 0) {
            return OptionalDouble.empty();
        }
        double capacityBytes = speedMbps * 1_000_000.0 / 8 * seconds;
        // modulo 2^64, so a wrap needs no case of its own; a reset shows as an implausibly large delta
        double delta = unsigned(octetsNow - octetsBefore);
        if (delta > capacityBytes * MAX_UTILISATION) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100.0, delta / capacityBytes * 100.0));
    }

    /** Errors per second of the 32-bit ifInErrors; empty on a reset or an implausible jump. */
    public static OptionalDouble errorRate(long errorsBefore, long errorsNow, double seconds, long speedMbps) {
        if (seconds <= 0) {
            return OptionalDouble.empty();
        }
        long before = errorsBefore & 0xFFFFFFFFL;
        long now = errorsNow & 0xFFFFFFFFL;
        long delta = now >= before ? now - before : TWO_POW_32 - before + now;
        double maxPerSecond = speedMbps > 0 ? speedMbps * 1_000_000.0 / MIN_FRAME_BITS : Integer.MAX_VALUE;
        if (delta / seconds > maxPerSecond) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(delta / seconds);
    }

    /** net.if.oper: 1 when the interface can pass traffic (up, or dormant waiting for it), else 0. */
    public static int operState(int ifOperStatus) {
        return ifOperStatus == 1 || ifOperStatus == 5 ? 1 : 0;
    }

    private static double unsigned(long value) {
        return value >= 0 ? value : TWO_POW_64 + value;
    }
}
