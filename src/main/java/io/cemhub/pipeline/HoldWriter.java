package io.cemhub.pipeline;

import io.cemhub.identity.HeldRecordStore;
import io.cemhub.ingest.IngestBatchCodec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the records the resolve stage held, as the ingest batch JSON they came in, inside the evaluate
 * stage's database transaction: held together with the partition checkpoint, so a redelivered message
 * neither holds a record twice nor loses it.
 */
public class HoldWriter {

    private final HeldRecordStore store;
    private final IngestBatchCodec codec;
    private final Clock clock;

    public HoldWriter(HeldRecordStore store, IngestBatchCodec codec, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
    }

    public void hold(List<PipelineItem> held) {
        List<HeldRecordStore.Held> rows = new ArrayList<>(held.size());
        for (PipelineItem item : held) {
            String json = new String(codec.encode(List.of(item.record())), StandardCharsets.UTF_8);
            rows.add(new HeldRecordStore.Held(item.heldFor(), item.record().id(), item.record().partitionKey(), json,
                    clock.instant()));
        }
        store.hold(rows);
    }
}
