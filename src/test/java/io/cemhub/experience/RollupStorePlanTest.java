package io.cemhub.experience;

import io.cemhub.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline reads the rollup buckets of a message by their primary key, whatever the table holds when H2
 * first plans the statement (issue 10, F3: the old select, planned on an empty table, scanned every bucket of
 * the hour through the bucket_start index and kept that plan; 75 % of the hub's CPU at 100,000 series).
 */
class RollupStorePlanTest {

    @TempDir
    Path dir;
    private SingleConnectionDataSource h2;

    @AfterEach
    void close() {
        if (h2 != null) {
            h2.destroy();
        }
    }

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void theBucketsOfAMessageAreReadByPrimaryKeyOnAnEmptyTable(Granularity g) {
        h2 = TestDatabases.h2(dir);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        for (int n : new int[] {1, 2, 8, RollupSql.SELECT_CHUNK}) {
            Object[] args = new Object[3 * n];
            for (int i = 0; i < n; i++) {
                args[3 * i] = "S" + i;
                args[3 * i + 1] = "vpn.loss";
                args[3 * i + 2] = Timestamp.from(Instant.parse("2026-11-23T10:00:00Z"));
            }
            String plan = jdbc.queryForObject("explain " + RollupSql.selectFigures(g, n), String.class, args);
            assertThat(plan).as("plan of %d keys", n).containsIgnoringCase("primary_key")
                    .doesNotContainIgnoringCase(g.table + "_start").doesNotContainIgnoringCase(g.table + "_customer");
        }
    }

    /**
     * The update of a bucket finds it by its primary key on an empty table too (issue 10, F5: the update
     * written as {@code where service_id = ? and metric = ? and bucket_start = ?}, planned on an empty
     * table, went through the bucket_start index, i.e. read every bucket of the hour per row updated).
     */
    @ParameterizedTest
    @EnumSource(Granularity.class)
    void aBucketIsUpdatedThroughItsPrimaryKeyOnAnEmptyTable(Granularity g) {
        h2 = TestDatabases.h2(dir);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        Timestamp start = Timestamp.from(Instant.parse("2026-11-23T10:00:00Z"));
        String plan = jdbc.queryForObject("explain " + RollupSql.updateFigures(g), String.class, 1L, 1.0, 1.0, 1.0, "h",
                "S1", "vpn.loss", start);
        // H2 writes the index it uses and the conditions it looks up in it as a comment: all three key columns
        String lookup = plan.substring(plan.indexOf("/*"), plan.indexOf("*/"));
        assertThat(lookup).as(plan).contains("service_id = ?6", "metric = ?7", "bucket_start = ?8");
    }

    /**
     * Reports read the key table through its customer, service or bucket_start index and look each bucket's
     * figures up by primary key (R2, V17), also when H2 plans the join on empty tables (a new hub) and keeps it:
     * never a scan of the figures.
     */
    @ParameterizedTest
    @EnumSource(Granularity.class)
    void reportsReadTheKeysByIndexAndTheFiguresByPrimaryKeyOnEmptyTables(Granularity g) {
        h2 = TestDatabases.h2(dir);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        Timestamp from = Timestamp.from(Instant.parse("2026-11-23T00:00:00Z"));
        Timestamp to = Timestamp.from(Instant.parse("2026-11-24T00:00:00Z"));
        String figures = RollupSql.JOINED_FIGURES;
        assertJoinPlan(g, jdbc.queryForObject("explain " + RollupSql.readJoined(g, figures, ""), String.class, from, to),
                g.table + "_start");
        assertJoinPlan(g, jdbc.queryForObject("explain " + RollupSql.readJoined(g, figures, " and k.customer_id = ?"),
                String.class, from, to, "C1"), g.table + "_customer");
        assertJoinPlan(g, jdbc.queryForObject("explain " + RollupSql.readJoined(g, figures,
                " and k.service_id = ? and k.metric = ?"), String.class, from, to, "S1", "vpn.loss"), "primary_key");
    }

    /** The key table's part of the plan (before the join) names {@code keyIndex}; the figures' the primary key. */
    static void assertJoinPlan(Granularity g, String explained, String keyIndex) {
        String plan = explained.replace("\"", "");
        int join = plan.toLowerCase().indexOf(" join ");
        assertThat(join).as(plan).isPositive();
        String keys = plan.substring(0, join);
        String figures = plan.substring(join);
        assertThat(keys).as(plan).contains(g.table + " k").containsIgnoringCase(keyIndex);
        assertThat(figures).as(plan).contains(g.figures + " f").containsIgnoringCase("primary_key")
                .contains("service_id = k.service_id", "metric = k.metric", "bucket_start = k.bucket_start");
    }

    @Test
    void keyCountsArePaddedToFewStatementTexts() {
        assertThat(RollupSql.paddedSize(1)).isEqualTo(1);
        assertThat(RollupSql.paddedSize(2)).isEqualTo(2);
        assertThat(RollupSql.paddedSize(3)).isEqualTo(4);
        assertThat(RollupSql.paddedSize(5)).isEqualTo(8);
        assertThat(RollupSql.paddedSize(33)).isEqualTo(64);
        assertThat(RollupSql.paddedSize(RollupSql.SELECT_CHUNK)).isEqualTo(RollupSql.SELECT_CHUNK);
    }
}
