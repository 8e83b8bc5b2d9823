package io.cemhub.api;

import io.cemhub.support.HubTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryApiTest extends HubTestSupport {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String customer(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Jane Doe\",\"segment\":\"residential\",\"slaTier\":\"silver\","
                + "\"status\":\"active\",\"externalIds\":{\"billing\":\"ACC-" + id + "\"}}";
    }

    @Test
    void customersAndServicesCanBeCreatedReadReplacedAndDeleted() {
        Http http = http();
        String c = "C-" + run;
        Http.Response created = http.post("/api/v1/customers", customer(c));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/customers/" + c);
        assertThat(http.get("/api/v1/customers/" + c).json().path("externalIds").path("billing").get(0).asText())
                .isEqualTo("ACC-" + c);

        String s = "S-" + run;
        Http.Response service = http.put("/api/v1/services/" + s, "{\"customerId\":\"" + c + "\",\"serviceType\":"
                + "\"broadband\",\"characteristics\":{\"downloadMbps\":500},\"externalIds\":{\"wisla-speedtest\":"
                + "[\"LINE-" + run + "\"],\"snmp\":\"10.0.0.1:3-" + run + "\"}}");
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        Http.Response replaced = http.put("/api/v1/services/" + s, "{\"customerId\":\"" + c + "\",\"serviceType\":"
                + "\"broadband\",\"characteristics\":{\"downloadMbps\":1000}}");
        assertThat(replaced.status()).isEqualTo(200);
        Http.Response read = http.get("/api/v1/services/" + s);
        assertThat(read.json().path("characteristics").path("downloadMbps").asDouble()).isEqualTo(1000);
        assertThat(read.json().path("externalIds").isEmpty()).isTrue();

        Http.Response list = http.get("/api/v1/services?customerId=" + c);
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(list.json().get(0).path("id").asText()).isEqualTo(s);

        assertThat(http.delete("/api/v1/customers/" + c).status()).isEqualTo(409);
        assertThat(http.delete("/api/v1/services/" + s).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/customers/" + c).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/customers/" + c).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/customers/" + c).status()).isEqualTo(404);
    }

    @Test
    void anExternalIdBelongsToOneServiceOnly() {
        Http http = http();
        String c = "C2-" + run;
        assertThat(http.put("/api/v1/customers/" + c, customer(c)).status()).isEqualTo(201);
        String tunnel = "{\"customerId\":\"" + c + "\",\"serviceType\":\"vpn\",\"externalIds\":{\"wisla-vpn\":\"T-" + run + "\"}}";
        assertThat(http.put("/api/v1/services/A-" + run, tunnel).status()).isEqualTo(201);
        Http.Response clash = http.put("/api/v1/services/B-" + run, tunnel);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().path("detail").asText()).contains("wisla-vpn:T-" + run).contains("A-" + run);
        assertThat(http.get("/api/v1/services/B-" + run).status()).isEqualTo(404);
    }

    @Test
    void badBodiesAreRefusedWithTheFieldsToFix() {
        Http http = http();
        Http.Response noName = http.put("/api/v1/customers/X-" + run, "{\"segment\":\"VIP\",\"status\":\"dormant\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noName.json().path("errors").findValuesAsText("field")).contains("name", "status");

        Http.Response idMismatch = http.put("/api/v1/customers/X-" + run, customer("Y-" + run));
        assertThat(idMismatch.status()).isEqualTo(400);
        assertThat(idMismatch.json().path("detail").asText()).contains("differs from the URL");

        Http.Response orphan = http.put("/api/v1/services/O-" + run,
                "{\"customerId\":\"NOBODY-" + run + "\",\"serviceType\":\"vpn\"}");
        assertThat(orphan.status()).isEqualTo(409);
        assertThat(orphan.json().path("detail").asText()).contains("create it before its services");

        assertThat(http.post("/api/v1/customers", customer("D-" + run)).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/customers", customer("D-" + run)).status()).isEqualTo(409);
        assertThat(http.get("/api/v1/customers?limit=0").status()).isEqualTo(400);
    }

    @Test
    void theApiIsDescribedByAPublishedOpenApiDocumentAndSchemas() {
        Http.Response doc = http().get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().path("paths").has("/api/v1/measurements")).isTrue();
        assertThat(doc.json().path("paths").has("/api/v1/customers/{id}")).isTrue();
        assertThat(doc.json().path("paths").has("/api/v1/services")).isTrue();
        assertThat(http().get("/schema/measurement.schema.json").json().path("title").asText()).isEqualTo("Measurement");
    }
}
