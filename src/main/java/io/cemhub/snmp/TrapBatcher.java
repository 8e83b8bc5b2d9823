package io.cemhub.snmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cemhub.adapter.AdapterExchange;
import io.cemhub.adapter.AdapterResult;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Makes accepted notifications durable in batches: one thread takes up to {@code batch-size} waiting
 * traps, sends them as one JSON array through the adapter route ({@code direct:snmp-traps} -> Kamelet
 * {@code snmp-traps} -> mapping -> ingest gateway), where the mapped records and the quarantine entries of
 * unknown traps commit in one broker transaction; only then are the batch's INFORMs answered
 * ({@link InformAnswers}). A batch that cannot be made durable is tried again a few times; its INFORMs
 * stay unanswered, so their senders repeat them.
 */
public class TrapBatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TrapBatcher.class);
    static final String ENDPOINT = "direct:snmp-traps";
    private static final int ATTEMPTS = 3;

    private final BlockingQueue<PendingTrap> queue;
    private final int batchSize;
    private final ProducerTemplate producer;
    private final TrapMetrics metrics;
    private final ObjectMapper mapper;
    private volatile boolean running;
    private Thread worker;

    public TrapBatcher(SnmpProperties.Traps config, ProducerTemplate producer, TrapMetrics metrics, ObjectMapper mapper) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.getQueueCapacity()));
        this.batchSize = Math.max(1, config.getBatchSize());
        this.producer = producer;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    boolean offer(PendingTrap trap) {
        return queue.offer(trap);
    }

    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "cem-snmp-trap-batcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops after the traps already waiting are made durable (the receiver is stopped first). */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(30_000);
            worker = null;
        }
    }

    private void run() {
        List<PendingTrap> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                PendingTrap first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                makeDurable(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("SNMP trap batch failed unexpectedly", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void makeDurable(List<PendingTrap> batch) throws InterruptedException {
        ArrayNode array = mapper.createArrayNode();
        batch.forEach(t -> array.add(t.json()));
        byte[] payload;
        try {
            payload = mapper.writeValueAsBytes(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Exchange done = producer.send(ENDPOINT, exchange -> exchange.getMessage().setBody(payload));
            if (done.getException() == null) {
                AdapterResult result = done.getProperty(AdapterExchange.RESULT, AdapterResult.class);
                metrics.durable(batch.size());
                metrics.unknown(result == null ? 0 : (int) result.failures().stream()
                        .filter(f -> f.reason().contains(UNKNOWN_TRAP)).count());
                InformAnswers.answer(batch, metrics);
                return;
            }
            LOG.warn("{} SNMP notifications could not be made durable (attempt {} of {}): {}", batch.size(), attempt,
                    ATTEMPTS, done.getException().toString());
            Thread.sleep(200L * attempt);
        }
        metrics.dropped(TrapMetrics.Drop.NOT_DURABLE, batch.size());
    }

    /** The words mappings/snmp-traps.jsonata refuses a trap it has no mapping for with ($error). */
    static final String UNKNOWN_TRAP = "unknown trap OID";
}
