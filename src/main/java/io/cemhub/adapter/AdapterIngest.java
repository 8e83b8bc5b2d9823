package io.cemhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestReceipt;
import io.cemhub.ingest.JmsDrain;
import io.cemhub.model.CemRecord;
import io.cemhub.quarantine.QuarantineService;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of every adapter (bean {@code cemIngest}): parse, map and validate the original payload
 * ({@link AdapterPipeline}), then hand the canonical records to the {@link IngestGateway}. What happens
 * to bad input depends on the transport, and nothing is dropped:
 * <ul>
 *   <li>REST: all-or-nothing; 202 with counts, or a problem+json answer naming each bad item, and the
 *       refused payload is kept in quarantine too (a broken mapping's input can be replayed once fixed);</li>
 *   <li>JMS: all-or-nothing in the listener's transaction; a bad message goes to quarantine whole,
 *       atomically with its acknowledgement;</li>
 *   <li>files (and any other transport): item by item; the good records and the quarantine entries of
 *       the bad lines commit in one JMS transaction, and only then is the file moved to done/.</li>
 * </ul>
 */
public class AdapterIngest implements Processor {

    private final AdapterPipeline pipeline;
    private final IngestGateway gateway;
    private final QuarantineService quarantine;
    private final JmsTemplate ownTransactions;
    private final AdapterMetrics metrics;
    private final RestAnswers rest;

    public AdapterIngest(AdapterPipeline pipeline, IngestGateway gateway, QuarantineService quarantine,
                         JmsTemplate transactedTemplate, AdapterMetrics metrics, ObjectMapper mapper) {
        this.pipeline = pipeline;
        this.gateway = gateway;
        this.quarantine = quarantine;
        this.ownTransactions = transactedTemplate;
        this.metrics = metrics;
        this.rest = new RestAnswers(mapper);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Input in = Input.of(exchange);
        if ("rest".equals(in.transport)) {
            rest(exchange, in);
        } else {
            Session session = exchange.getProperty(AdapterExchange.JMS_SESSION, Session.class);
            if (session != null) {
                wholeMessages(in, session);
            } else {
                // the caller of a synchronous transport (the SNMP trap receiver) reads what became of each item
                exchange.setProperty(AdapterExchange.RESULT, itemByItem(in));
            }
        }
    }

    private void rest(Exchange exchange, Input in) throws Exception {
        AdapterResult result;
        try {
            result = pipeline.process(in.adapter, in.format, in.payload, in.options);
        } catch (InputRejectedException e) {
            metrics.received(in.adapter, 1);
            metrics.rejected(in.adapter, 1, e.getMessage());
            keep(in, e.getMessage());
            rest.problem(exchange, 400, "invalid-body", "Invalid request body", e.getMessage() + KEPT, null);
            return;
        } catch (MappingException e) {
            metrics.error(in.adapter, e.getMessage());
            keep(in, e.getMessage());
            rest.problem(exchange, 500, "mapping-broken", "The adapter's mapping is broken", e.getMessage()
                    + "; the input is kept in quarantine and can be replayed once the mapping is fixed", null);
            return;
        }
        metrics.received(in.adapter, result.items());
        if (!result.allGood()) {
            metrics.rejected(in.adapter, result.failures().size(), result.summary());
            keep(in, result.summary());
            rest.problem(exchange, 400, "invalid-records", "Invalid records", result.summary()
                    + "; nothing of this submission was accepted" + KEPT,
                    result.failures().stream().flatMap(f -> f.errors().stream()).toList());
            return;
        }
        try {
            IngestReceipt receipt = gateway.submit(AdapterPipeline.entryOf(in.adapter), result.records(), null);
            metrics.mapped(in.adapter, receipt.accepted());
            rest.accepted(exchange, result.items(), receipt);
        } catch (JmsException | JMSException e) {
            metrics.error(in.adapter, "broker unavailable: " + e.getMessage());
            rest.problem(exchange, 503, "broker-unavailable", "Broker unavailable",
                    "the records could not be made durable and were NOT accepted; retry later", null);
        }
    }

    private static final String KEPT = " (the payload is kept in quarantine)";

    /** Keeps a refused REST payload, whole, in quarantine (a transaction of its own). */
    private void keep(Input in, String reason) throws JMSException {
        quarantine.quarantine(null, in.adapter, in.origin, in.payload, reason, in.attributes());
        metrics.quarantined(in.adapter, 1, reason);
    }

    /**
     * JMS: each message is one unit, acknowledged in the same transaction as its records or its quarantine;
     * the messages the listener container drained with it ({@link JmsDrain}, routes with
     * {@code messageListenerContainerFactory=#cemJmsDrain}) are taken the same way, one by one, and the
     * records of all of them go on as ONE submission.
     */
    private void wholeMessages(Input in, Session session) throws JMSException {
        List<Message> drained = JmsDrain.claim();
        metrics.drained(in.adapter, 1 + drained.size());
        List<CemRecord> records = new ArrayList<>(wholeMessage(in, session));
        for (Message message : drained) {
            records.addAll(wholeMessage(in.withPayload(JmsDrain.bodyOf(message)), session));
        }
        if (!records.isEmpty()) {
            IngestReceipt receipt = gateway.submit(AdapterPipeline.entryOf(in.adapter), records, session);
            metrics.mapped(in.adapter, receipt.accepted());
        }
    }

    /** One message's records, or none when it went to quarantine (in the caller's session). */
    private List<CemRecord> wholeMessage(Input in, Session session) throws JMSException {
        String reason;
        try {
            AdapterResult result = pipeline.process(in.adapter, in.format, in.payload, in.options);
            metrics.received(in.adapter, result.items());
            if (result.allGood()) {
                return result.records();
            }
            reason = result.summary();
        } catch (InputRejectedException | MappingException e) {
            metrics.received(in.adapter, 1);
            reason = e.getMessage();
        }
        quarantine.quarantine(session, in.adapter, in.origin, in.payload, reason, in.attributes());
        metrics.quarantined(in.adapter, 1, reason);
        return List.of();
    }

    /**
     * Files: good lines flow, bad lines are quarantined with their line numbers, all in one transaction.
     * @return what became of each item, or null when the input was refused whole
     */
    private AdapterResult itemByItem(Input in) {
        AdapterResult result;
        try {
            result = pipeline.process(in.adapter, in.format, in.payload, in.options);
        } catch (InputRejectedException | MappingException e) {
            metrics.received(in.adapter, 1);
            inOwnTransaction(in, List.of(), List.of(new Rejected(in.origin, in.payload, e.getMessage())));
            return null;
        }
        metrics.received(in.adapter, result.items());
        List<Rejected> rejected = result.failures().stream()
                .map(f -> new Rejected(in.origin + (f.item().line() > 0 ? "#line=" + f.item().line()
                        : "#item=" + f.item().index()), f.item().payload(), f.reason()))
                .toList();
        inOwnTransaction(in, result.records(), rejected);
        return result;
    }

    private void inOwnTransaction(Input in, List<CemRecord> records, List<Rejected> rejected) {
        ownTransactions.execute(session -> {
            if (!records.isEmpty()) {
                gateway.submit(AdapterPipeline.entryOf(in.adapter), records, session);
            }
            for (Rejected r : rejected) {
                quarantine.quarantine(session, in.adapter, r.origin, r.payload, r.reason, in.attributes());
            }
            session.commit(); // JmsTemplate#execute leaves the commit to the callback
            return null;
        }, false);
        metrics.mapped(in.adapter, records.size());
        rejected.forEach(r -> metrics.quarantined(in.adapter, 1, r.reason));
    }

    private record Rejected(String origin, byte[] payload, String reason) {
    }

    /** The exchange properties set by the Kamelet and by {@link AdapterEntry}. */
    private record Input(String adapter, String format, InputOptions options, byte[] payload, String transport,
                         String origin) {

        Input withPayload(byte[] other) {
            return new Input(adapter, format, options, other, transport, origin);
        }

        static Input of(Exchange exchange) {
            String adapter = exchange.getProperty(AdapterExchange.ADAPTER, String.class);
            if (adapter == null || exchange.getProperty(AdapterExchange.PAYLOAD) == null) {
                throw new IllegalStateException("cemIngest needs the cemAdapter property and the cemAdapterEntry "
                        + "step first (route " + exchange.getFromRouteId() + ")");
            }
            return new Input(adapter, exchange.getProperty(AdapterExchange.FORMAT, "json", String.class),
                    options(exchange), exchange.getProperty(AdapterExchange.PAYLOAD, byte[].class),
                    exchange.getProperty(AdapterExchange.TRANSPORT, "unknown", String.class),
                    exchange.getProperty(AdapterExchange.ORIGIN, "unknown", String.class));
        }

        private static InputOptions options(Exchange exchange) {
            Map<String, String> parameters = new HashMap<>();
            exchange.getProperties().forEach((name, value) -> {
                if (name.startsWith(AdapterExchange.PARAMETER_PREFIX) && value != null) {
                    parameters.put(name.substring(AdapterExchange.PARAMETER_PREFIX.length()), value.toString());
                }
            });
            return new InputOptions(exchange.getProperty(AdapterExchange.CSV_DELIMITER, ",", String.class),
                    InputOptions.columns(exchange.getProperty(AdapterExchange.CSV_COLUMNS, String.class)), parameters);
        }

        /** What replay needs to read a quarantined payload as the adapter did. */
        Map<String, String> attributes() {
            Map<String, String> attributes = new HashMap<>();
            attributes.put(QuarantineService.FORMAT, format);
            attributes.put(QuarantineService.CSV_DELIMITER, options.csvDelimiter() == null ? "," : options.csvDelimiter());
            if (!options.csvColumns().isEmpty()) {
                attributes.put(QuarantineService.CSV_COLUMNS, options.csvColumnsText());
            }
            options.parameters().forEach((name, value) -> attributes.put(QuarantineService.PARAMETER_PREFIX + name, value));
            return attributes;
        }
    }
}
