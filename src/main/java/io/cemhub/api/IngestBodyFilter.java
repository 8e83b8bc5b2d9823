package io.cemhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The door of the REST ingest entries (native {@code /api/v1/measurements} and the adapters' {@code /ingest/*}):
 * a body larger than {@code cem.ingest.max-body-bytes} is refused with 413 before it is read whole
 * (announced by Content-Length, or found while reading a chunked one); a multipart upload is refused with
 * 400 (the entries take the document itself, not a form around it). The body is read here as raw bytes
 * and kept in the request attribute {@link #RAW_BODY}: an adapter quarantines what the caller sent, byte
 * for byte, whatever its Content-Type (a form content type would otherwise be parsed into parameters, a
 * text one decoded and encoded again). The native entry's body must be UTF-8: anything else is refused
 * here with 400 invalid-json.
 */
public class IngestBodyFilter extends OncePerRequestFilter {

    public static final String RAW_BODY = "cem.rawBody";

    private final long maxBytes;

    public IngestBodyFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            refuse(response, 400, "invalid-body", "Invalid request body",
                    "multipart uploads are not taken: send the document itself as the request body");
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            tooLarge(response);
            return;
        }
        // the native entry's JSON must be UTF-8 (Jackson would take overlong forms and UTF-16); an adapter's
        // entry judges its own bytes, as it also keeps them in quarantine
        String encoding = request.getRequestURI().startsWith("/ingest/") ? null : io.cemhub.ingest.Utf8.jsonProblem(body);
        if (encoding != null && body.length > 0) {
            refuse(response, 400, "invalid-json", "Invalid JSON", "the body is not JSON in UTF-8: " + encoding);
            return;
        }
        request.setAttribute(RAW_BODY, body);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        // the rest of the body is not read: the connection is closed after the answer
        response.setHeader("Connection", "close");
        refuse(response, 413, "body-too-large", "Request body too large",
                "the body is larger than cem.ingest.max-body-bytes (" + maxBytes + " bytes); nothing was accepted");
    }

    private static void refuse(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + Problems.BASE + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}");
    }
}
