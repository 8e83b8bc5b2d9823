package io.cemhub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live alarm streams (server-sent events) of the dashboard and the portal on this hub instance. Alarm
 * events arrive from cem.events (route {@code ui-alarm-stream}) and go to every staff stream and to the
 * streams of the alarm's own customer only: a customer's stream never carries another customer's alarm.
 * Streams live in memory; each instance serves the streams opened on it, and each receives every event.
 */
public class AlarmStreams {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmStreams.class);

    /** One open stream; {@code customerId} null means staff (every alarm). */
    private record Client(SseEmitter emitter, String customerId, String user) {
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final UiProperties properties;

    public AlarmStreams(UiProperties properties, MeterRegistry meters) {
        this.properties = properties;
        meters.gauge("cem.ui.streams", clients, List::size);
    }

    /**
     * Opens a stream for a user; {@code customerId} null: every alarm (staff), else that customer's alarms only.
     *
     * @throws TooManyStreamsException when {@code cem.ui.stream-max-clients} streams are open already
     */
    public SseEmitter open(String customerId, String user) {
        if (clients.size() >= properties.getStreamMaxClients()) {
            throw new TooManyStreamsException(properties.getStreamMaxClients());
        }
        SseEmitter emitter = new SseEmitter(properties.getStreamTimeout().toMillis());
        Client client = new Client(emitter, customerId, user);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        clients.add(client);
        // The first bytes tell the browser the stream is open (EventSource fires "open" only then).
        send(client, SseEmitter.event().name("ready").data(new Ready(customerId == null ? "*" : customerId),
                MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** An event of domain alarm as published on cem.events (a TMF688 envelope with event.alarm). */
    public void publish(String envelope) {
        JsonNode event;
        try {
            event = json.readTree(envelope);
        } catch (IOException e) {
            LOG.warn("alarm stream: an event that is no JSON is skipped: {}", e.getMessage());
            return;
        }
        JsonNode alarm = event.path("event").path("alarm");
        if (!alarm.isObject()) {
            return;
        }
        String owner = customerOf(alarm);
        SseEmitter.SseEventBuilder message = SseEmitter.event().name("alarm").id(event.path("eventId").asText())
                .data(envelope);
        for (Client client : clients) {
            if (client.customerId() == null || client.customerId().equals(owner)) {
                send(client, message);
            }
        }
    }

    /** A comment line to every stream: keeps idle connections open and finds the ones that went away. */
    public void heartbeat() {
        SseEmitter.SseEventBuilder beat = SseEmitter.event().comment("heartbeat");
        for (Client client : clients) {
            send(client, beat);
        }
    }

    public int open() {
        return clients.size();
    }

    /** The customer an alarm is about: its related party of role customer (AlarmFactory sets it). */
    static String customerOf(JsonNode alarm) {
        for (JsonNode party : alarm.path("relatedParty")) {
            if ("customer".equalsIgnoreCase(party.path("role").asText())) {
                return party.path("id").asText(null);
            }
        }
        return null;
    }

    private void send(Client client, SseEmitter.SseEventBuilder event) {
        try {
            client.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser went away: forget the stream (completing it releases the request).
            clients.remove(client);
            client.emitter().completeWithError(e);
        }
    }

    /** The first event of a stream: whose alarms it carries ("*": every customer's). */
    record Ready(String customers) {
    }

    /** More streams than {@code cem.ui.stream-max-clients}. */
    public static class TooManyStreamsException extends RuntimeException {
        public TooManyStreamsException(int max) {
            super("this hub serves at most " + max + " alarm streams at once (cem.ui.stream-max-clients); try again later");
        }
    }
}
