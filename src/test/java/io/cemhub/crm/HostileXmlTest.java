package io.cemhub.crm;

import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.support.HubTestSupport;
import io.cemhub.support.Soap;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile XML is refused with a Fault before it does harm: no DTD (so neither external entities nor entity
 * expansion), nesting and size limits. Each case also proves the registry was not touched.
 */
class HostileXmlTest extends HubTestSupport {

    @Autowired
    RegistryService registry;
    @Autowired
    MeterRegistry meters;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    String url() {
        return "http://127.0.0.1:" + port + "/services/crm";
    }

    /** A real customer the hostile CustomerRemoved samples would remove if they got through. */
    void aCustomerToRemove(String id) {
        registry.putCustomer(new Customer(id, "Target", "residential", "bronze", "active", Map.of()));
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() {
        aCustomerToRemove("C-" + run);
        Soap.Answer answer = Soap.post(url(), Soap.sample("xxe.hostile.xml", run));

        assertRefused(answer);
        assertThat(answer.faultString()).contains("DTD");
        assertThat(answer.body()).doesNotContain("root:");
        assertThat(registry.customer("C-" + run)).isPresent();
    }

    @Test
    void entityExpansionIsRefused() {
        Soap.Answer answer = Soap.post(url(), Soap.sample("billion-laughs.hostile.xml", run));

        assertRefused(answer);
        assertThat(answer.faultString()).contains("DTD");
        assertThat(answer.body().length()).isLessThan(4096);
    }

    @Test
    void tenThousandDeepNestingIsRefusedByTheDepthLimit() {
        StringBuilder deep = new StringBuilder("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:crm=\"urn:cemhub:crm:v1\"><soapenv:Body><crm:CustomerRemoved>");
        deep.append("<crm:x>".repeat(10_000)).append("</crm:x>".repeat(10_000));
        deep.append("</crm:CustomerRemoved></soapenv:Body></soapenv:Envelope>");

        Soap.Answer answer = Soap.post(url(), deep.toString());

        assertRefused(answer);
        assertThat(answer.faultString()).containsIgnoringCase("depth");
    }

    @Test
    void anOversizedBodyIsRefusedByItsLengthBeforeItIsParsed() {
        String huge = oversized();

        Soap.Answer answer = Soap.post(url(), huge);

        assertRefused(answer);
        assertThat(answer.body()).contains("body-too-large");
        assertThat(answer.faultString()).contains("cem.crm.max-body-bytes");
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhenItPassesTheLimit() {
        byte[] huge = oversized().getBytes(StandardCharsets.UTF_8);

        // no Content-Length: the body is sent chunked, so only counting what is read can stop it
        Soap.Answer answer = Soap.post(url(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

        assertRefused(answer);
        assertThat(answer.faultString()).contains("cem.crm.max-body-bytes");
    }

    /** A Client Fault (the request is at fault), counted. */
    void assertRefused(Soap.Answer answer) {
        assertThat(answer.isFault()).as(answer.body()).isTrue();
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>");
        assertThat(meters.find("cem.crm.faults").tag("kind", "client").counter().count()).isPositive();
    }

    /** A valid CustomerRemoved padded with 2 MiB of short comments (the limit is 1 MiB; no other limit trips). */
    String oversized() {
        return Soap.sample("customer-removed.request.xml", run)
                .replace("<soapenv:Body>", "<soapenv:Body>" + "<!-- padding -->\n".repeat(2 * 1024 * 1024 / 17));
    }
}
