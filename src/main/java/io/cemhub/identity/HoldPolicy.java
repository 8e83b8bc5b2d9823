package io.cemhub.identity;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a record waits for its mapping. A record of a held system waits when the registry does
 * not know its id, and also when it does but older records of the same id still wait: it then queues
 * behind them, so a service's records leave the hold in the order they came. The ids with waiting
 * records are remembered in memory (added on hold, removed on release, reloaded by every sweep).
 */
public class HoldPolicy {

    /** Ingest message property on records that come back from the hold: they are never held again. */
    public static final String RELEASE_PROPERTY = "cemIdentityRelease";
    public static final String RELEASED_RESOLVED = "resolved";
    public static final String RELEASED_EXPIRED = "expired";

    private final IdentityProperties properties;
    private final Set<HeldKey> waiting = ConcurrentHashMap.newKeySet();

    public HoldPolicy(IdentityProperties properties) {
        this.properties = properties;
    }

    public boolean mustWait(HeldKey key, boolean known) {
        return properties.holds(key.system()) && (!known || waiting.contains(key));
    }

    public void waiting(HeldKey key) {
        waiting.add(key);
    }

    public void released(HeldKey key) {
        waiting.remove(key);
    }

    /** The ids that have held records now (from the database: other instances hold records too). */
    public void reload(Collection<HeldKey> keys) {
        waiting.retainAll(Set.copyOf(keys));
        waiting.addAll(keys);
    }

    public IdentityProperties properties() {
        return properties;
    }
}
