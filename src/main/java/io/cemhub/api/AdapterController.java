package io.cemhub.api;

import io.cemhub.adapter.AdapterCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The adapter catalogue: which adapters the hub loaded, whether their routes run, and their counters. */
@RestController
@RequestMapping("/api/v1/adapters")
@Tag(name = "Adapters", description = "Adapters loaded from cem.adapters.dir, their status and counters")
public class AdapterController {

    private final AdapterCatalog catalog;

    public AdapterController(AdapterCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List adapters with status and counters",
            description = "status: started (every route instance runs; a run-once route on a follower shows as standby), partly-started, stopped, no-routes. Counters "
                    + "since start: received (input items), mapped (records made durable), quarantined, rejected "
                    + "(refused to REST callers), lastError.")
    public List<AdapterCatalog.AdapterView> adapters() {
        return catalog.adapters();
    }
}
