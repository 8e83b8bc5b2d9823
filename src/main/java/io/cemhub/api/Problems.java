package io.cemhub.api;

import io.cemhub.ingest.BatchTooLargeException;
import io.cemhub.ingest.InvalidRecordsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** RFC 9457 problem documents with the hub's problem types (documented in docs/api.md). */
final class Problems {

    static final String BASE = "https://cemhub.io/problems/";

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** The answer to a submission with invalid records: every bad record named. */
    static ProblemDetail invalidRecords(InvalidRecordsException e) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-records", "Invalid records",
                e.errors().size() + " record error(s); nothing of this submission was accepted");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    static ProblemDetail batchTooLarge(BatchTooLargeException e) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "Batch too large", e.getMessage());
    }

    /** The body did not parse; {@code cause} is the parser's message (its first line is kept). */
    static ProblemDetail malformedJson(String cause) {
        String detail = "the body is not valid JSON: " + (cause == null ? "unreadable"
                : cause.lines().findFirst().orElse(cause));
        return of(HttpStatus.BAD_REQUEST, "invalid-json", "Malformed JSON", detail);
    }

    /** The broker refused or is unreachable (answered with Retry-After: 5). */
    static ProblemDetail brokerUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Broker unavailable",
                "the records could not be made durable and were NOT accepted; retry later");
    }
}
