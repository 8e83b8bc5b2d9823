package io.cemhub.api;

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
}
