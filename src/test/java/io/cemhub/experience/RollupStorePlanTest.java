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
