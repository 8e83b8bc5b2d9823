package io.cemhub.experience;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hour and day rollup tables (statements: {@link RollupSql}). Writes come from the pipeline only, and one
 * (service, metric) is in one partition, handled by one consumer at a time across all instances: a
 * read-merge-write of a bucket never races another writer, so plain update/insert serves H2 and PostgreSQL alike.
 */
public class RollupStore {

    private final JdbcTemplate jdbc;
    private final RollupCache cache;

    /** @param cacheSize the most buckets {@link RollupCache} keeps ({@code cem.experience.rollup-cache}); 0: none */
    public RollupStore(JdbcTemplate jdbc, int cacheSize) {
        this.jdbc = jdbc;
        this.cache = new RollupCache(cacheSize);
    }

    /**
     * Buckets folded from the cache without a read (hits), found changed behind the cache and read again
     * (stale), not cached and read (misses); the buckets cached now. For the meters.
     */
    public long cacheHits() {
        return cache.hits();
    }

    public long cacheStale() {
        return cache.stale();
    }

    public long cacheMisses() {
        return cache.misses();
    }

    public int cacheSize() {
        return cache.size();
    }

    /** A bucket's identity. */
    public record Key(String serviceId, String metric, Instant start) {
    }

    /** A stored bucket with where it belongs. */
    public record Row(String serviceId, String metric, String customerId, Rollup rollup) {
    }

    /**
     * Folds a batch's buckets into the table. Buckets in the {@link RollupCache} are updated from it where the
     * row still holds the cached count and sum; the others (not cached, or changed by another writer) are read
     * by their primary key (a few statements of {@link RollupSql#SELECT_CHUNK} keys at most), then batched updates
     * and inserts (a new bucket: its key row and its figures row). What was written goes into the cache once the
     * transaction commits.
     */
    public void add(Granularity g, Map<Key, Rollup> deltas, Map<Key, String> customers) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<Key, RollupCache.Entry> written = new HashMap<>();
        Map<Key, Rollup> unknown = cache.enabled() ? addCached(g, deltas, written) : deltas;
        if (!unknown.isEmpty()) {
            addRead(g, unknown, customers, written);
        }
        if (!written.isEmpty() && cache.enabled()) {
            afterCommit(() -> cache.put(g, written));
        }
    }

    /** Updates the cached buckets whose rows are as cached; returns the rest. */
    private Map<Key, Rollup> addCached(Granularity g, Map<Key, Rollup> deltas, Map<Key, RollupCache.Entry> written) {
        Map<Key, RollupCache.Entry> cached = cache.get(g, deltas.keySet());
        if (cached.isEmpty()) {
            return deltas;
        }
        Map<Key, Rollup> rest = new HashMap<>(deltas);
        List<Key> keys = new ArrayList<>(cached.size());
        List<RollupCache.Entry> merged = new ArrayList<>(cached.size());
        List<Object[]> updates = new ArrayList<>(cached.size());
        cached.forEach((key, entry) -> {
            Rollup rollup = entry.rollup(key.start());
            rollup.merge(deltas.get(key));
            RollupCache.Entry next = entry(rollup);
            keys.add(key);
            merged.add(next);
            updates.add(updateArgs(key, next, entry.count(), entry.sum()));
        });
        int[] counts = jdbc.batchUpdate(RollupSql.updateFiguresIfUnchanged(g), updates);
        int hits = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                hits++;
                rest.remove(keys.get(i));
                written.put(keys.get(i), merged.get(i));
            } else if (counts[i] != 0) {
                // Unknown (e.g. SUCCESS_NO_INFO): whether the row changed cannot be told, and reading and merging
                // it again could count its samples twice. Rolled back: the messages come again.
                throw new IllegalStateException("the database answered " + counts[i] + " to the update of rollup "
                        + keys.get(i) + " instead of a row count: set cem.experience.rollup-cache to 0 for this database");
            }
        }
        cache.counted(hits, counts.length - hits);
        return rest;
    }

    /** Reads the stored buckets, merges, updates or inserts. */
    private void addRead(Granularity g, Map<Key, Rollup> deltas, Map<Key, String> customers,
                         Map<Key, RollupCache.Entry> written) {
        Map<Key, Rollup> existing = new HashMap<>();
        List<Key> keys = new ArrayList<>(deltas.keySet());
        for (int from = 0; from < keys.size(); from += RollupSql.SELECT_CHUNK) {
            List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + RollupSql.SELECT_CHUNK));
            int size = RollupSql.paddedSize(chunk.size());
            Object[] args = new Object[size * 3];
            for (int i = 0; i < size; i++) {
                // Padding repeats the last key: the same statement text for 5 to 8 keys, nothing read twice.
                Key k = chunk.get(Math.min(i, chunk.size() - 1));
                args[3 * i] = k.serviceId();
                args[3 * i + 1] = k.metric();
                args[3 * i + 2] = Timestamp.from(k.start());
            }
            jdbc.query(RollupSql.selectFigures(g, size), rs -> {
                Instant start = rs.getTimestamp(3).toInstant();
                existing.put(new Key(rs.getString(1), rs.getString(2), start), new Rollup(start, rs.getLong(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), LogHistogram.decode(rs.getString(8))));
            }, args);
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> keyInserts = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            Rollup stored = existing.get(key);
            if (stored != null) {
                stored.merge(delta);
                RollupCache.Entry row = entry(stored);
                written.put(key, row);
                updates.add(updateArgs(key, row));
            } else {
                RollupCache.Entry row = entry(delta);
                written.put(key, row);
                keyInserts.add(new Object[] {key.serviceId(), key.metric(), Timestamp.from(key.start()), customers.get(key)});
                inserts.add(new Object[] {key.serviceId(), key.metric(), Timestamp.from(key.start()),
                        row.count(), row.sum(), row.min(), row.max(), row.histogram()});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(RollupSql.updateFigures(g), updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(RollupSql.insertKey(g), keyInserts);
            jdbc.batchUpdate(RollupSql.insertFigures(g), inserts);
        }
    }

    /** The arguments of {@link RollupSql#updateFigures}: the new figures, the key, then any extra conditions. */
    private static Object[] updateArgs(Key key, RollupCache.Entry row, Object... conditions) {
        Object[] args = new Object[8 + conditions.length];
        Object[] fixed = {row.count(), row.sum(), row.min(), row.max(), row.histogram(), key.serviceId(), key.metric(),
                Timestamp.from(key.start())};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(conditions, 0, args, fixed.length, conditions.length);
        return args;
    }

    private static RollupCache.Entry entry(Rollup r) {
        return new RollupCache.Entry(r.count(), r.sum(), r.min(), r.max(), r.histogram().encode());
    }

    /** After the surrounding transaction commits (at once without one): the cache holds committed rows only. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** A service's buckets in [from, to), by metric (null: every metric), in time order. */
    public List<Row> ofService(Granularity g, String serviceId, String metric, Instant from, Instant to) {
        return query(g, "k.service_id = ?", serviceId, metric, from, to);
    }

    /** The buckets of every service of a customer in [from, to): one query, however many services. */
    public List<Row> ofCustomer(Granularity g, String customerId, String metric, Instant from, Instant to) {
        return query(g, "k.customer_id = ?", customerId, metric, from, to);
    }

    /** Every bucket in [from, to) (recompute passes over all customers): one query. */
    public List<Row> all(Granularity g, String metric, Instant from, Instant to) {
        return query(g, null, null, metric, from, to);
    }

    /**
     * Count and sum of every bucket in [from, to) without the histograms (SLA compliance needs averages only);
     * one query for one customer or (null) for all.
     */
    public List<Row> sums(Granularity g, String customerId, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (customerId != null) {
            args.add(customerId);
        }
        return jdbc.query(RollupSql.readJoined(g, "f.sample_count, f.value_sum, f.value_min, f.value_max",
                customerId == null ? "" : " and k.customer_id = ?"), (rs, i) -> new Row(rs.getString(1), rs.getString(2),
                rs.getString(4), new Rollup(rs.getTimestamp(3).toInstant(), rs.getLong(5), rs.getDouble(6), rs.getDouble(7),
                rs.getDouble(8), new LogHistogram())), args.toArray());
    }

    /** Merges rows per metric and bucket start (a customer's services into one series). */
    public static Map<String, TreeMap<Instant, Rollup>> byMetric(Collection<Row> rows) {
        Map<String, TreeMap<Instant, Rollup>> series = new TreeMap<>();
        for (Row row : rows) {
            series.computeIfAbsent(row.metric(), m -> new TreeMap<>())
                    .computeIfAbsent(row.rollup().start(), Rollup::new).merge(row.rollup());
        }
        return series;
    }

    /** Merges rows into one total per (service, metric) over the whole period. */
    public static Map<String, Map<String, Rollup>> totals(Collection<Row> rows, Instant periodStart) {
        Map<String, Map<String, Rollup>> totals = new TreeMap<>();
        for (Row row : rows) {
            totals.computeIfAbsent(row.serviceId(), s -> new TreeMap<>())
                    .computeIfAbsent(row.metric(), m -> new Rollup(periodStart)).merge(row.rollup());
        }
        return totals;
    }

    private List<Row> query(Granularity g, String where, String id, String metric, Instant from, Instant to) {
        StringBuilder conditions = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (where != null) {
            conditions.append(" and ").append(where);
            args.add(id);
        }
        if (metric != null) {
            conditions.append(" and k.metric = ?");
            args.add(metric);
        }
        conditions.append(" order by k.bucket_start, k.service_id, k.metric");
        return jdbc.query(RollupSql.readJoined(g, RollupSql.JOINED_FIGURES, conditions.toString()), (rs, i) -> row(rs),
                args.toArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        Rollup r = new Rollup(rs.getTimestamp(3).toInstant(), rs.getLong(5), rs.getDouble(6), rs.getDouble(7),
                rs.getDouble(8), LogHistogram.decode(rs.getString(9)));
        return new Row(rs.getString(1), rs.getString(2), rs.getString(4), r);
    }
}
