package io.cemhub.experience;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollup rows this hub committed last, least recently used dropped first, so that folding the next
 * samples into a bucket need not read it back (issue 10: the read was a third of the rollups' cost, the
 * rollups nearly half of the evaluate stage's). Never trusted blindly: {@link RollupStore} updates a cached
 * bucket only where the row still holds the cached count and sum; a row another writer changed meanwhile (its
 * partition moved to another instance and back, a test's cleanup) updates nothing, and that bucket is read
 * and merged as if it were not cached. Entries are put after the database commit only, so a rolled back
 * transaction leaves what is still true. Kept compact: the histogram in its stored text form.
 */
final class RollupCache {

    /** A committed row's values. */
    record Entry(long count, double sum, double min, double max, String histogram) {

        Rollup rollup(Instant start) {
            return new Rollup(start, count, sum, min, max, LogHistogram.decode(histogram));
        }
    }

    private record CacheKey(Granularity granularity, RollupStore.Key key) {
    }

    private final int capacity;
    private final LinkedHashMap<CacheKey, Entry> entries;
    private long hits;
    private long stale;
    private long misses;

    /** @param capacity the most buckets kept; 0 keeps none (every fold reads its buckets) */
    RollupCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cem.experience.rollup-cache must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, Entry> eldest) {
                return size() > RollupCache.this.capacity;
            }
        };
    }

    boolean enabled() {
        return capacity > 0;
    }

    /** The cached entries of these buckets (absent: not cached). */
    synchronized Map<RollupStore.Key, Entry> get(Granularity g, Collection<RollupStore.Key> keys) {
        Map<RollupStore.Key, Entry> found = new HashMap<>();
        for (RollupStore.Key key : keys) {
            Entry entry = entries.get(new CacheKey(g, key));
            if (entry != null) {
                found.put(key, entry);
            }
        }
        misses += keys.size() - found.size();
        return found;
    }

    synchronized void put(Granularity g, Map<RollupStore.Key, Entry> committed) {
        if (capacity > 0) {
            committed.forEach((key, entry) -> entries.put(new CacheKey(g, key), entry));
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Counts cached buckets the update found as cached (hits) and changed behind the cache (stale). */
    synchronized void counted(int hit, int changed) {
        hits += hit;
        stale += changed;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long stale() {
        return stale;
    }

    synchronized long misses() {
        return misses;
    }
}
