package io.cemhub.fault;

/**
 * How big a fault run is: {@code -Dcem.fault.records} records, {@code -Dcem.fault.kills} kills. Profile
 * {@code fault} sets the short CI defaults (10,000 / 2); the full run is
 * {@code mvn -Pfault test -Dcem.fault.records=100000 -Dcem.fault.kills=5}. {@code -Dcem.fault.seed} repeats
 * a run's random kill points; {@code -Dcem.fault.kill-pairs=true} makes every second kill hit the restarted hub
 * as soon as it publishes again (a hub killed while it recovers).
 */
final class FaultSettings {

    private FaultSettings() {
    }

    static int records() {
        return Integer.getInteger("cem.fault.records", 10_000);
    }

    static int kills() {
        return Integer.getInteger("cem.fault.kills", 2);
    }

    static boolean killPairs() {
        return Boolean.getBoolean("cem.fault.kill-pairs");
    }

    static long seed() {
        return Long.getLong("cem.fault.seed", System.nanoTime());
    }
}
