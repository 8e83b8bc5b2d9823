package io.cemhub.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cemhub.ingest.BatchTooLargeException;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.InvalidRecordsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jms.JmsException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * {@code POST /api/v1/measurements} answered without Spring MVC's dispatch: the request has passed the security
 * filters and {@link IngestBodyFilter} (which holds its bytes), and one record per POST spent about a quarter of its
 * HTTP-side CPU in the dispatch (handler lookup, argument resolution, message converters; docs/performance.md).
 * Only the plain case is taken here: a body of {@code application/json} (no parameter but a UTF-8 charset) from a
 * caller that accepts JSON. Anything else goes on to {@link MeasurementController}, which answers as it always did;
 * the answers given here are the same (the same problem documents, {@code instance} the path, as MVC sets it;
 * {@code MeasurementFastPathTest} compares the two).
 */
public class MeasurementFastPath extends OncePerRequestFilter {

    static final String PATH = "/api/v1/measurements";
    private static final Logger LOG = LoggerFactory.getLogger(MeasurementFastPath.class);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final IngestGateway gateway;
    private final ObjectMapper mapper;
    /** reads as MVC's message converter does (the mapper's settings: strict duplicates, no trailing tokens) */
    private final ObjectReader reader;

    public MeasurementFastPath(IngestGateway gateway, ObjectMapper mapper) {
        this.gateway = gateway;
        this.mapper = mapper;
        this.reader = mapper.readerFor(JsonNode.class);
    }

    /** The registration maps this filter to {@link #PATH} alone: the path is not checked again here. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getAttribute(IngestBodyFilter.RAW_BODY) instanceof byte[])
                || !plainJson(request.getContentType()) || !acceptsJson(request.getHeaders(HttpHeaders.ACCEPT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the meter http.server.requests is tagged with the route's pattern, as MVC's handler mapping would
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
        byte[] body = (byte[]) request.getAttribute(IngestBodyFilter.RAW_BODY);
        if (body.length == 0) {
            answer(response, 400, PROBLEM, problem(Problems.malformedJson("Required request body is missing")));
            return;
        }
        JsonNode records;
        try {
            records = reader.readValue(body);
        } catch (JacksonException e) {
            answer(response, 400, PROBLEM, problem(Problems.malformedJson(e.getOriginalMessage())));
            return;
        }
        try {
            answer(response, 202, MediaType.APPLICATION_JSON,
                    gateway.submitJson(MeasurementController.ENTRY, records, false, null));
        } catch (InvalidRecordsException e) {
            answer(response, 400, PROBLEM, problem(Problems.invalidRecords(e)));
        } catch (BatchTooLargeException e) {
            answer(response, 413, PROBLEM, problem(Problems.batchTooLarge(e)));
        } catch (JmsException | jakarta.jms.JMSException e) {
            LOG.error("broker unavailable while accepting a submission", e);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            answer(response, 503, PROBLEM, problem(Problems.brokerUnavailable()));
        }
    }

    private void answer(HttpServletResponse response, int status, MediaType type, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(type.toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static ProblemDetail problem(ProblemDetail problem) {
        problem.setInstance(URI.create(PATH));
        return problem;
    }

    /** application/json, with no parameter or only charset=UTF-8 (others: MVC judges them as before). */
    static boolean plainJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    && (type.getParameters().isEmpty() || type.getParameters().size() == 1
                    && StandardCharsets.UTF_8.equals(charset(type)));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** No Accept header, or one that takes application/json and refuses nothing (no quality 0). */
    static boolean acceptsJson(Enumeration<String> accept) {
        if (accept == null || !accept.hasMoreElements()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(Collections.list(accept));
            return types.stream().noneMatch(t -> t.getQualityValue() == 0)
                    && types.stream().anyMatch(t -> t.includes(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Charset charset(MediaType type) {
        try {
            return type.getCharset();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
