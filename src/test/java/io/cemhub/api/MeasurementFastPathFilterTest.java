package io.cemhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestReceipt;
import io.cemhub.ingest.InvalidRecordsException;
import io.cemhub.ingest.RecordError;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.jms.UncategorizedJmsException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which requests the fast path takes, and that it answers them itself (the chain, i.e. MVC, never sees them). */
class MeasurementFastPathFilterTest {

    private final IngestGateway gateway = mock(IngestGateway.class);
    /** built as Spring Boot builds its mapper (with the ProblemDetail mix-in that MVC's answers have) */
    private final MeasurementFastPath filter = new MeasurementFastPath(gateway,
            org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json().build());

    private MockHttpServletRequest request(String contentType, String accept, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", MeasurementFastPath.PATH);
        request.setContentType(contentType);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        request.setContent(bytes);
        request.setAttribute(IngestBodyFilter.RAW_BODY, bytes);
        return request;
    }

    @Test
    void aPlainRequestIsAnsweredHereAndNeverReachesMvc() throws Exception {
        when(gateway.submitJson(eq(MeasurementController.ENTRY), any(JsonNode.class), eq(false), isNull()))
                .thenReturn(new IngestReceipt(2, 1, 1));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("application/json", null, "[{\"a\":1},{\"a\":2}]"), response, chain);
        assertThat(chain.getRequest()).as("passed on to MVC").isNull();
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(TestRecords.JSON.readTree(response.getContentAsByteArray()).path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void invalidRecordsAndAnUnreachableBrokerAreProblems() throws Exception {
        when(gateway.submitJson(any(), any(), eq(false), isNull()))
                .thenThrow(new InvalidRecordsException(List.of(new RecordError(0, "serviceId", "is required"))))
                .thenThrow(new UncategorizedJmsException("broker down"));
        MockHttpServletResponse invalid = new MockHttpServletResponse();
        filter.doFilter(request("application/json", null, "{}"), invalid, new MockFilterChain());
        assertThat(invalid.getStatus()).isEqualTo(400);
        JsonNode problem = TestRecords.JSON.readTree(invalid.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("https://cemhub.io/problems/invalid-records");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("serviceId");

        MockHttpServletResponse down = new MockHttpServletResponse();
        filter.doFilter(request("application/json", null, "{}"), down, new MockFilterChain());
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(down.getHeader("Retry-After")).isEqualTo("5");
        assertThat(down.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void malformedJsonIsRefusedWithoutCallingTheGateway() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("application/json;charset=UTF-8", "*/*", "{\"a\":"), response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(TestRecords.JSON.readTree(response.getContentAsByteArray()).path("type").asText())
                .isEqualTo("https://cemhub.io/problems/invalid-json");
        verify(gateway, never()).submitJson(any(), any(), eq(false), any());
    }

    @Test
    void anythingButThePlainCaseGoesOnToMvc() throws Exception {
        String[][] cases = {
                {"application/json; v=1", null},
                {"application/json;charset=ISO-8859-1", null},
                {"text/plain", null},
                {"application/problem+json", null},
                {"application/json", "text/html"},
                {"application/json", "application/json;q=0, */*"},
                {"not a media type", null},
        };
        for (String[] c : cases) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request(c[0], c[1], "{}"), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as("%s / Accept %s passed on", c[0], c[1]).isNotNull();
        }
        MockHttpServletRequest noBodyHeld = request("application/json", null, "{}");
        noBodyHeld.removeAttribute(IngestBodyFilter.RAW_BODY);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(noBodyHeld, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        verify(gateway, never()).submitJson(any(), any(), eq(false), any());
    }

    @Test
    void acceptHeadersThatTakeJson() {
        assertThat(MeasurementFastPath.acceptsJson(Collections.emptyEnumeration())).isTrue();
        assertThat(MeasurementFastPath.acceptsJson(Collections.enumeration(List.of("application/*")))).isTrue();
        assertThat(MeasurementFastPath.acceptsJson(Collections.enumeration(List.of("text/html", "*/*;q=0.1")))).isTrue();
        assertThat(MeasurementFastPath.acceptsJson(Collections.enumeration(List.of("application/xml")))).isFalse();
    }
}
