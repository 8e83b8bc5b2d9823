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
        for (int n : new int[] {1, 2, 8, RollupStore.SELECT_CHUNK}) {
            Object[] args = new Object[3 * n];
            for (int i = 0; i < n; i++) {
                args[3 * i] = "S" + i;
                args[3 * i + 1] = "vpn.loss";
                args[3 * i + 2] = Timestamp.from(Instant.parse("2026-11-23T10:00:00Z"));
            }
            String plan = jdbc.queryForObject("explain " + RollupStore.selectSql(g, n), String.class, args);
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
        String plan = jdbc.queryForObject("explain " + RollupStore.updateSql(g), String.class, 1L, 1.0, 1.0, 1.0, "h",
                "S1", "vpn.loss", start);
        // H2 writes the index it uses and the conditions it looks up in it as a comment: all three key columns
        String lookup = plan.substring(plan.indexOf("/*"), plan.indexOf("*/"));
        assertThat(lookup).as(plan).contains("service_id = ?6", "metric = ?7", "bucket_start = ?8");
    }

    @Test
    void keyCountsArePaddedToFewStatementTexts() {
        assertThat(RollupStore.paddedSize(1)).isEqualTo(1);
        assertThat(RollupStore.paddedSize(2)).isEqualTo(2);
        assertThat(RollupStore.paddedSize(3)).isEqualTo(4);
        assertThat(RollupStore.paddedSize(5)).isEqualTo(8);
        assertThat(RollupStore.paddedSize(33)).isEqualTo(64);
        assertThat(RollupStore.paddedSize(RollupStore.SELECT_CHUNK)).isEqualTo(RollupStore.SELECT_CHUNK);
    }
}
