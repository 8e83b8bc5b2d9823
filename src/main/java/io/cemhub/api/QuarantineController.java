package io.cemhub.api;

import io.cemhub.adapter.QuarantineReplay;
import io.cemhub.quarantine.QuarantineEntry;
import io.cemhub.quarantine.QuarantineStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.jms.JMSException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Browsing the quarantine (cem.quarantine) and replaying entries through the adapters' current mappings. */
@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "Quarantine", description = "Input the hub could not accept, kept with its original payload")
public class QuarantineController {

    private static final int MAX_PAYLOAD_SHOWN = 65_536;

    private final QuarantineStore store;
    private final QuarantineReplay replay;

    public QuarantineController(QuarantineStore store, QuarantineReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    @GetMapping
    @Operation(summary = "Browse quarantine entries, oldest first",
            description = "Filters: adapter id, and quarantine time in [from, to) (ISO-8601 instants). Nothing is "
                    + "consumed. payload is the original input as text (cut at 64 KiB; payloadBytes gives the size).")
    public List<EntryView> browse(@RequestParam(required = false) String adapter,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                  @RequestParam(defaultValue = "100") int limit) throws JMSException {
        if (adapter != null && !adapter.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidBodyException("adapter must be an adapter id, e.g. wisla-vpn", List.of());
        }
        return store.browse(adapter, from, to, Math.max(1, Math.min(limit, 1000))).stream().map(EntryView::of).toList();
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay entries through their adapter's current mapping",
            description = "Give ids (from GET /api/v1/quarantine) or an adapter id (its oldest entries, up to limit). "
                    + "An entry that now maps to valid records leaves the quarantine in the same transaction that "
                    + "makes its records durable; one that still fails stays, untouched, and its reason is returned.")
    public ReplayAnswer replay(@RequestBody ReplayRequest request) throws JMSException {
        List<QuarantineReplay.Outcome> outcomes;
        if (request.ids() != null && !request.ids().isEmpty()) {
            outcomes = replay.replayIds(request.ids());
        } else if (request.adapter() != null && request.adapter().matches("[A-Za-z0-9._-]{1,64}")) {
            outcomes = replay.replayAdapter(request.adapter(), request.limit() == null ? 1000 : request.limit());
        } else {
            throw new InvalidBodyException("give ids (an array of entry ids) or adapter (an adapter id)", List.of());
        }
        return new ReplayAnswer(count(outcomes, "replayed"), outcomes.size() - count(outcomes, "replayed"), outcomes);
    }

    private static int count(List<QuarantineReplay.Outcome> outcomes, String status) {
        return (int) outcomes.stream().filter(o -> status.equals(o.status())).count();
    }

    /** A replay request: ids, or an adapter (with an optional limit). */
    public record ReplayRequest(List<String> ids, String adapter, Integer limit) {
    }

    /** What a replay did. */
    public record ReplayAnswer(int replayed, int notReplayed, List<QuarantineReplay.Outcome> results) {
    }

    /** One entry as the API shows it. */
    public record EntryView(String id, String adapter, String origin, String reason, Instant quarantinedAt,
                            String format, int payloadBytes, String payload) {
        static EntryView of(QuarantineEntry e) {
            String text = new String(e.payload(), StandardCharsets.UTF_8);
            return new EntryView(e.id(), e.adapter(), e.origin(), e.reason(), e.quarantinedAt(), e.format(),
                    e.payload().length, text.length() > MAX_PAYLOAD_SHOWN ? text.substring(0, MAX_PAYLOAD_SHOWN) : text);
        }
    }
}
