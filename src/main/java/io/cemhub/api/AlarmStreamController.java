package io.cemhub.api;

import io.cemhub.model.Alarm;
import io.cemhub.threshold.AlarmFilter;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.ui.AlarmStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.security.Principal;
import java.util.List;

/**
 * Alarms live, as server-sent events (event "alarm": the TMF688 envelope as on cem.events), and a customer's
 * own alarms. Who sees what is decided by the path: /api/v1/stream/alarms is for staff, a customer's paths
 * are open to that customer only (AccessRules), and its stream carries that customer's alarms only.
 */
@RestController
@Tag(name = "Alarm streams", description = "Alarms live (server-sent events) for the dashboard and the portal")
public class AlarmStreamController {

    private final AlarmStreams streams;
    private final AlarmStore alarms;

    public AlarmStreamController(AlarmStreams streams, AlarmStore alarms) {
        this.streams = streams;
        this.alarms = alarms;
    }

    @GetMapping(path = "/api/v1/stream/alarms", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Every alarm event as it happens (raise, change, ack, clear); event 'ready' first, comment"
            + " lines as heartbeat (cem.ui.stream-heartbeat)")
    public SseEmitter all(Principal who) {
        return streams.open(null, who == null ? null : who.getName());
    }

    @GetMapping(path = "/api/v1/customers/{id}/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The alarm events of one customer's services, as they happen")
    public SseEmitter ofCustomer(@PathVariable String id, Principal who) {
        return streams.open(id, who == null ? null : who.getName());
    }

    @GetMapping("/api/v1/customers/{id}/alarms")
    @Operation(summary = "One customer's alarms, newest first (state: raised, updated, cleared); X-Total-Count")
    public ResponseEntity<List<Alarm>> listOfCustomer(@PathVariable String id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        AlarmFilter filter = new AlarmFilter(state, null, null, id, null, null, null);
        return ResponseEntity.ok().header(Paging.TOTAL_COUNT, Long.toString(alarms.count(filter)))
                .body(alarms.list(filter, Paging.offset(offset), Paging.limit(limit)));
    }
}
