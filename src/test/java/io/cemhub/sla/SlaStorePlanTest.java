package io.cemhub.sla;

import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly budget reads a month of hour buckets of the whole fleet: the key table through its bucket_start
 * index, each bucket's figures by primary key (V17), also as planned by H2 on empty tables and then kept.
 */
class SlaStorePlanTest {

    @Test
    void theHoursOfAMonthAreReadByBucketStartAndTheirFiguresByPrimaryKey(@TempDir Path dir) throws Exception {
        try (MigratedDatabase h2 = MigratedDatabase.h2(dir)) {
            String plan = new JdbcTemplate(h2.dataSource()).queryForObject("explain " + SlaStore.hoursSql(2), String.class,
                    Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")),
                    Timestamp.from(Instant.parse("2026-12-01T00:00:00Z")), "vpn.loss", "vpn.latency").replace("\"", "");
            int join = plan.toLowerCase().indexOf(" join ");
            assertThat(join).as(plan).isPositive();
            assertThat(plan.substring(0, join)).as(plan).contains("kpi_rollup_hour k", "kpi_rollup_hour_start");
            assertThat(plan.substring(join)).as(plan).contains("kpi_rollup_hour_figures f").containsIgnoringCase("primary_key");
        }
    }
}
