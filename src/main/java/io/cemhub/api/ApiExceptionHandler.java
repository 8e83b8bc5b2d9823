package io.cemhub.api;

import io.cemhub.identity.RegistryConflictException;
import io.cemhub.ingest.BatchTooLargeException;
import io.cemhub.ingest.InvalidRecordsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jms.JmsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the hub's exceptions into application/problem+json answers that say what to fix. Spring's own
 * exceptions (wrong method, wrong media type, ...) are answered as problems by the base class.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRecordsException.class)
    ProblemDetail invalidRecords(InvalidRecordsException e) {
        return Problems.invalidRecords(e);
    }

    @ExceptionHandler(InvalidBodyException.class)
    ProblemDetail invalidBody(InvalidBodyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body",
                e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler(io.cemhub.threshold.InvalidRuleException.class)
    ProblemDetail invalidRule(io.cemhub.threshold.InvalidRuleException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-rule", "Invalid threshold rule",
                e.problems().size() + " problem(s) with the rule; nothing was changed");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler({io.cemhub.subscription.InvalidSubscriptionException.class,
            io.cemhub.subscription.InvalidQueryException.class})
    public ProblemDetail invalidSubscription(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-subscription", "Invalid subscription", e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    public ProblemDetail invalidParameter(InvalidParameterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.type(), "Conflict", e.getMessage());
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail tooLarge(BatchTooLargeException e) {
        return Problems.batchTooLarge(e);
    }

    @ExceptionHandler(RegistryConflictException.class)
    ProblemDetail conflict(RegistryConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "registry-conflict", "Conflict with the registry", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    /** cem.ui.stream-max-clients alarm streams are open on this instance already. */
    @ExceptionHandler(io.cemhub.ui.AlarmStreams.TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(io.cemhub.ui.AlarmStreams.TooManyStreamsException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many alarm streams",
                        e.getMessage()));
    }

    /** The broker refused or is unreachable: nothing was accepted, the caller should retry. */
    @ExceptionHandler(JmsException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(JmsException e) {
        LOG.error("broker unavailable while accepting a submission", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.brokerUnavailable());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.malformedJson(e.getMostSpecificCause().getMessage()));
    }
}
