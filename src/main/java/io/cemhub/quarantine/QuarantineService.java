package io.cemhub.quarantine;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;

import java.time.Clock;
import java.util.Map;

/**
 * Keeps input the hub could not accept: the original payload, byte for byte, with the adapter, the
 * reason and the time, as a persistent message on the quarantine address. Nothing is dropped; the
 * adapters' replay (GET/POST /api/v1/quarantine) reads from here.
 */
public class QuarantineService {

    public static final String ADAPTER = "cemAdapter";
    public static final String REASON = "cemReason";
    public static final String QUARANTINED_AT = "cemQuarantinedAt";
    public static final String ORIGIN = "cemOrigin";
    /** How to read the payload again on replay (json, csv, canonical); set by adapters. */
    public static final String FORMAT = "cemFormat";
    /** The CSV delimiter of a csv payload, for replay. */
    public static final String CSV_DELIMITER = "cemCsvDelimiter";
    /** The CSV columns of a header-less csv payload, for replay. */
    public static final String CSV_COLUMNS = "cemCsvColumns";
    /** Prefix of the adapter's mapping parameters, for replay. */
    public static final String PARAMETER_PREFIX = "cemParam_";

    private static final Logger LOG = LoggerFactory.getLogger(QuarantineService.class);
    private static final int MAX_REASON = 4000;

    private final String address;
    private final JmsTemplate ownTransactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public QuarantineService(String address, JmsTemplate transactedTemplate, MeterRegistry meters, Clock clock) {
        this.address = address;
        this.ownTransactions = transactedTemplate;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param session the caller's transacted session (the entry is kept atomically with the caller's
     *                acknowledgement), or null to commit in a transaction of its own
     */
    public void quarantine(Session session, String adapter, String origin, byte[] payload, String reason)
            throws JMSException {
        quarantine(session, adapter, origin, payload, reason, Map.of());
    }

    /**
     * The same, with extra string properties that replay needs (e.g. {@link #FORMAT}).
     */
    public void quarantine(Session session, String adapter, String origin, byte[] payload, String reason,
                           Map<String, String> attributes) throws JMSException {
        if (session == null) {
            ownTransactions.execute(s -> {
                send(s, adapter, origin, payload, reason, attributes);
                s.commit(); // JmsTemplate#execute leaves the commit to the callback
                return null;
            }, false);
        } else {
            send(session, adapter, origin, payload, reason, attributes);
        }
        meters.counter("cem.quarantine.entries", "adapter", adapter).increment();
        LOG.warn("quarantined {} bytes from adapter {} ({}): {}", payload.length, adapter, origin, reason);
    }

    private void send(Session session, String adapter, String origin, byte[] payload, String reason,
                      Map<String, String> attributes) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(payload);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            message.setStringProperty(attribute.getKey(), attribute.getValue());
        }
        message.setStringProperty(ADAPTER, adapter);
        message.setStringProperty(ORIGIN, origin);
        message.setStringProperty(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        message.setLongProperty(QUARANTINED_AT, clock.millis());
        MessageProducer producer = session.createProducer(session.createQueue(address));
        try {
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        } finally {
            producer.close();
        }
    }
}
