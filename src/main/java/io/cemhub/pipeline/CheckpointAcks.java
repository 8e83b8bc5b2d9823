package io.cemhub.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which checkpointed ingest messages this hub has seen acknowledged: per partition, the messages of its
 * last pipeline transaction whose JMS commit succeeded here. The next transaction of the partition drops
 * them from the checkpoint; messages it cannot prove acknowledged (their JMS commit failed, or another
 * instance or a hub that died applied them) stay in it, because they may still come again, possibly after
 * later messages of their partition (a rolled-back message is redelivered after the broker's redelivery
 * delay, and the partition's next messages do not wait for it).
 */
public class CheckpointAcks {

    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

    /** After a JMS commit: these partitions' messages of that transaction are acknowledged. */
    public void committed(Map<String, Set<String>> messagesByPartition) {
        acknowledged.putAll(messagesByPartition);
    }

    public boolean isAcknowledged(String partition, String messageId) {
        Set<String> ids = acknowledged.get(partition);
        return ids != null && ids.contains(messageId);
    }
}
