package io.cemhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestReceipt;
import io.cemhub.model.SourceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.jms.JMSException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Native ingest of canonical measurements over REST. */
@RestController
@RequestMapping("/api/v1/measurements")
@Tag(name = "Ingest", description = "Canonical measurements into the durable pipeline")
public class MeasurementController {

    static final SourceRef ENTRY = new SourceRef("cem", "rest");

    private final IngestGateway gateway;

    public MeasurementController(IngestGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit one measurement or an array of them",
            description = "All-or-nothing: when any record is invalid, nothing is accepted and the answer names "
                    + "every bad record (index, field, reason). 202 means the records are durable in the broker.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(ref = "/schema/measurement.schema.json"))))
    @ApiResponse(responseCode = "202", description = "Accepted and durable")
    @ApiResponse(responseCode = "400", description = "Invalid records; nothing accepted",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "More records than cem.ingest.max-batch (batch-too-large), "
            + "or a body larger than cem.ingest.max-body-bytes (body-too-large)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Broker unavailable; nothing accepted, retry",
            content = @Content(mediaType = "application/problem+json"))
    public IngestReceipt submit(@RequestBody JsonNode body) throws JMSException {
        return gateway.submitJson(ENTRY, body, false, null);
    }
}
