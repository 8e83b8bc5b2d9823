package io.cemhub.pipeline;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per partition, the ingest messages the last database transaction applied and the events their
 * evaluation produced ({@link MessageCheckpoint}). Partitions are processed strictly in order, so only
 * the messages of a partition's last transaction can be in doubt after a crash.
 */
public class CheckpointStore {

    private final JdbcTemplate jdbc;

    public CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The checkpoints of these partitions (those that have one), in one statement. */
    public Map<String, Checkpoint> find(Collection<String> partitions) {
        Map<String, Checkpoint> found = new HashMap<>();
        if (partitions.isEmpty()) {
            return found;
        }
        String marks = String.join(",", java.util.Collections.nCopies(partitions.size(), "?"));
        jdbc.query("select partition_key, message_id, events_json from pipeline_checkpoint where partition_key in ("
                        + marks + ")",
                rs -> {
                    found.put(rs.getString(1), new Checkpoint(rs.getString(2), rs.getString(3)));
                }, partitions.toArray());
        return found;
    }

    /** Replaces (or creates) each partition's checkpoint: one batch of updates, then inserts for new partitions. */
    public void save(Map<String, Checkpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<String> partitions = new ArrayList<>(checkpoints.keySet());
        List<Object[]> updates = new ArrayList<>(partitions.size());
        for (String partition : partitions) {
            Checkpoint c = checkpoints.get(partition);
            updates.add(new Object[] {c.messageId(), c.eventsJson(), now, partition});
        }
        int[] counts = jdbc.batchUpdate("update pipeline_checkpoint set message_id = ?, events_json = ?, updated_at = ?"
                + " where partition_key = ?", updates);
        for (int i = 0; i < partitions.size(); i++) {
            if (counts[i] == 0) {
                Checkpoint c = checkpoints.get(partitions.get(i));
                jdbc.update("insert into pipeline_checkpoint (partition_key, message_id, events_json, updated_at)"
                        + " values (?, ?, ?, ?)", partitions.get(i), c.messageId(), c.eventsJson(), now);
            }
        }
    }

    /** A partition's checkpoint: the id of its last message applied, and the {@link MessageCheckpoint} JSON. */
    public record Checkpoint(String messageId, String eventsJson) {
    }
}
