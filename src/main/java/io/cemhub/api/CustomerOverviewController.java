package io.cemhub.api;

import io.cemhub.overview.CustomerOverview;
import io.cemhub.overview.CustomerOverviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer 360. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customer 360", description = "Everything the hub knows about one customer, in one answer")
public class CustomerOverviewController {

    private final CustomerOverviewService overviews;

    public CustomerOverviewController(CustomerOverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/{id}/overview")
    @Operation(summary = "The customer, its contact, its services with the latest value of each KPI, its open"
            + " alarms and its most recent interactions (tickets, payments, usage), newest first")
    public CustomerOverview overview(@PathVariable String id,
                                     @RequestParam(defaultValue = "20") int interactions) {
        return overviews.overview(id, Paging.limit(interactions))
                .orElseThrow(() -> new NotFoundException("no customer " + id));
    }
}
