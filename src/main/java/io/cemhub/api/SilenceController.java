package io.cemhub.api;

import io.cemhub.threshold.SilenceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Maintenance windows / silences: evaluation goes on, alarms are marked, notifications are held. */
@RestController
@RequestMapping("/api/v1/silences")
@Tag(name = "Thresholds")
public class SilenceController {

    private static final Set<String> SCOPES = Set.of("service", "customer", "device");

    private final SilenceService silences;

    public SilenceController(SilenceService silences) {
        this.silences = silences;
    }

    @GetMapping
    public List<SilenceService.Silence> list() {
        return silences.all();
    }

    @PostMapping
    @Operation(summary = "Silence a service, customer or device (its snmp service id) from startsAt to endsAt")
    public ResponseEntity<SilenceService.Silence> create(@RequestBody SilenceRequest request, Principal who) {
        if (request.scopeType() == null || !SCOPES.contains(request.scopeType()) || request.scopeValue() == null
                || request.scopeValue().isBlank()) {
            throw new InvalidBodyException("scopeType must be service, customer or device, with a scopeValue", List.of());
        }
        Instant starts = request.startsAt() == null ? Instant.now() : request.startsAt();
        if (request.endsAt() == null || !request.endsAt().isAfter(starts)) {
            throw new InvalidBodyException("endsAt must be given and lie after startsAt", List.of());
        }
        SilenceService.Silence created = silences.create(request.scopeType(), request.scopeValue(), starts,
                request.endsAt(), request.reason(), who == null ? "anonymous" : who.getName());
        return ResponseEntity.created(URI.create("/api/v1/silences/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!silences.delete(id)) {
            throw new NotFoundException("no silence " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A silence to create; startsAt defaults to now. */
    public record SilenceRequest(String scopeType, String scopeValue, Instant startsAt, Instant endsAt, String reason) {
    }
}
