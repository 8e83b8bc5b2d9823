package io.cemhub.api;

import io.cemhub.model.Alarm;
import io.cemhub.threshold.AlarmFilter;
import io.cemhub.threshold.AlarmService;
import io.cemhub.threshold.AlarmStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TMF642 Alarm Management v4: list, read, acknowledge and comment, ackAlarms and clearAlarms by pattern. */
@RestController
@RequestMapping("/tmf-api/alarmManagement/v4")
@Tag(name = "Alarms (TMF642)")
public class AlarmController {

    private static final Set<String> ACK_STATES = Set.of("acknowledged", "unacknowledged");

    private final AlarmStore store;
    private final AlarmService alarms;

    public AlarmController(AlarmStore store, AlarmService alarms) {
        this.store = store;
        this.alarms = alarms;
    }

    @GetMapping("/alarm")
    @Operation(summary = "Alarms, newest first; X-Total-Count carries the total")
    public ResponseEntity<List<Alarm>> list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String perceivedSeverity, @RequestParam(required = false) String alarmedObject,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String ackState,
            @RequestParam(name = "alarmRaisedTime.gt", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(name = "alarmRaisedTime.lt", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        AlarmFilter filter = new AlarmFilter(state, perceivedSeverity, alarmedObject, customer, ackState, from, to);
        List<Alarm> page = store.list(filter, Paging.offset(offset), Paging.limit(limit));
        return ResponseEntity.ok().header(Paging.TOTAL_COUNT, Long.toString(store.count(filter)))
                .header("X-Result-Count", Integer.toString(page.size())).body(page);
    }

    @GetMapping("/alarm/{id}")
    public Alarm get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no alarm " + id));
    }

    @PatchMapping("/alarm/{id}")
    @Operation(summary = "Acknowledge / unacknowledge (ackState) and/or add a comment")
    public Alarm patch(@PathVariable String id, @RequestBody AlarmPatch patch, Principal who) {
        if (patch.ackState() != null && !ACK_STATES.contains(patch.ackState())) {
            throw new InvalidBodyException("ackState must be acknowledged or unacknowledged", List.of());
        }
        String user = patch.ackUserId() != null ? patch.ackUserId() : who == null ? "anonymous" : who.getName();
        String comment = patch.comment() == null || patch.comment().isEmpty() ? null
                : patch.comment().get(patch.comment().size() - 1).get("comment");
        return alarms.patch(id, patch.ackState(), user, comment).orElseThrow(() -> new NotFoundException("no alarm " + id));
    }

    @PostMapping("/ackAlarms")
    @Operation(summary = "Acknowledge every alarm matching one of the patterns")
    public ResponseEntity<Map<String, Object>> ackAlarms(@RequestBody PatternRequest request, Principal who) {
        String user = request.ackUserId() != null ? request.ackUserId() : who == null ? "anonymous" : who.getName();
        List<Alarm> acked = run(() -> alarms.ack(request.alarmPattern(), user));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ackUserId", user,
                "alarmPattern", request.alarmPattern(), "ackedAlarm", refs(acked), "state", "done"));
    }

    @PostMapping("/clearAlarms")
    @Operation(summary = "Clear every alarm matching one of the patterns")
    public ResponseEntity<Map<String, Object>> clearAlarms(@RequestBody PatternRequest request, Principal who) {
        String user = request.clearUserId() != null ? request.clearUserId() : who == null ? "anonymous" : who.getName();
        List<Alarm> cleared = run(() -> alarms.clear(request.alarmPattern(), user));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("clearUserId", user,
                "alarmPattern", request.alarmPattern(), "clearedAlarm", refs(cleared), "state", "done"));
    }

    private static List<Alarm> run(java.util.function.Supplier<List<Alarm>> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidBodyException(e.getMessage(), List.of());
        }
    }

    private static List<Map<String, String>> refs(List<Alarm> list) {
        return list.stream().map(a -> Map.of("id", a.id(),
                "href", "/tmf-api/alarmManagement/v4/alarm/" + a.id())).toList();
    }

    /** PATCH body: TMF642 fields an operator may change. */
    public record AlarmPatch(String ackState, String ackUserId, List<Map<String, String>> comment) {
    }

    /** ackAlarms / clearAlarms body. */
    public record PatternRequest(String ackUserId, String clearUserId, List<Map<String, String>> alarmPattern) {
    }
}
