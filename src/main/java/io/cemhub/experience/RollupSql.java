package io.cemhub.experience;

import java.util.Collections;

/**
 * The statements of {@link RollupStore}. A bucket is a row in {@code kpi_rollup_*} (key, customer; indexed by
 * customer and by bucket start for the reads) and one in {@code kpi_rollup_*_figures} (the figures; the primary
 * key its only index). The pipeline reads and updates the figures only: H2 runs an UPDATE as a remove and an add
 * in every index of the table (issue 10, R2, V17). Reports join the two on the whole key ({@link #readJoined}, public
 * for the SLA budget, which reads the hour buckets too).
 */
public final class RollupSql {

    /** The most bucket keys one select reads. */
    static final int SELECT_CHUNK = 64;

    static final String FIGURES = "sample_count, value_sum, value_min, value_max, histogram";

    /** All figures of a bucket in {@link #readJoined}. */
    static final String JOINED_FIGURES = "f.sample_count, f.value_sum, f.value_min, f.value_max, f.histogram";

    private RollupSql() {
    }

    /**
     * The figures of {@code n} buckets by their whole primary key, as a row-value IN list. Why not
     * {@code service_id in (...) and bucket_start in (...)}: H2 plans a statement when it is first prepared and
     * keeps the plan in its query cache; prepared on an empty table (a new hub) it chose the bucket_start index,
     * i.e. a scan of every bucket of the hour, and kept it: 75 % of the hub's CPU at 100,000 series (issue 10,
     * F3). A row-value IN list is planned on the primary key whatever the table holds.
     */
    static String selectFigures(Granularity g, int n) {
        return "select service_id, metric, bucket_start, " + FIGURES + " from " + g.figures
                + " where (service_id, metric, bucket_start) in ("
                + String.join(", ", Collections.nCopies(n, "(?, ?, ?)")) + ")";
    }

    /** The update of one bucket's figures: the figures table has its primary key as its only index. */
    static String updateFigures(Granularity g) {
        return "update " + g.figures + " set sample_count = ?, value_sum = ?, value_min = ?, value_max = ?,"
                + " histogram = ? where service_id = ? and metric = ? and bucket_start = ?";
    }

    /** The same, where the row still holds the count and sum {@link RollupCache} has of it (two more arguments). */
    static String updateFiguresIfUnchanged(Granularity g) {
        return updateFigures(g) + " and sample_count = ? and value_sum = ?";
    }

    static String insertKey(Granularity g) {
        return "insert into " + g.table + " (service_id, metric, bucket_start, customer_id) values (?, ?, ?, ?)";
    }

    static String insertFigures(Granularity g) {
        return "insert into " + g.figures + " (service_id, metric, bucket_start, " + FIGURES
                + ") values (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * The buckets in [?, ?) with their figures, key table first (k, read through its bucket_start or customer
     * index), the figures (f) looked up by primary key; {@code figures}: the columns of f to read after
     * service_id, metric, bucket_start, customer_id; {@code where}: more conditions on k or f, or empty.
     */
    public static String readJoined(Granularity g, String figures, String where) {
        return "select k.service_id, k.metric, k.bucket_start, k.customer_id, " + figures + " from " + g.table + " k"
                + " join " + g.figures + " f on f.service_id = k.service_id and f.metric = k.metric"
                + " and f.bucket_start = k.bucket_start where k.bucket_start >= ? and k.bucket_start < ?" + where;
    }

    /** The next power of two (at most the chunk): few distinct statement texts, so parsed statements are reused. */
    static int paddedSize(int n) {
        int size = Integer.highestOneBit(Math.max(1, n));
        return Math.min(SELECT_CHUNK, size == n ? n : size << 1);
    }
}
