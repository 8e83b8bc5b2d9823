package io.cemhub.pipeline;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The last ingest message applied per partition and the events its evaluation produced. Partitions are
 * processed strictly in order, so only the last message of a partition can be in doubt after a crash.
 */
public class CheckpointStore {

    private final JdbcTemplate jdbc;

    public CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Checkpoint> find(String partition) {
        return jdbc.query("select message_id, events_json from pipeline_checkpoint where partition_key = ?",
                (rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2)), partition).stream().findFirst();
    }

    public void save(String partition, String messageId, String eventsJson) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update pipeline_checkpoint set message_id = ?, events_json = ?, updated_at = ?"
                + " where partition_key = ?", messageId, eventsJson, now, partition);
        if (updated == 0) {
            jdbc.update("insert into pipeline_checkpoint (partition_key, message_id, events_json, updated_at)"
                    + " values (?, ?, ?, ?)", partition, messageId, eventsJson, now);
        }
    }

    /** A partition's last applied message. */
    public record Checkpoint(String messageId, String eventsJson) {
    }
}
