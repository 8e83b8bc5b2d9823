package io.cemhub.crm;

import io.cemhub.identity.RegistryService;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Soap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM pushes over real SOAP: registry, tickets, schema-validation Faults. */
class CrmNotificationTest extends EventsTestSupport {

    @Autowired
    RegistryService registry;

    String url() {
        return "http://127.0.0.1:" + port + "/services/crm";
    }

    @Test
    void customerUpdatedFillsTheRegistry() {
        Soap.Answer answer = Soap.post(url(), Soap.sample("customer-updated.request.xml", run));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(registry.customer("C-" + run)).isPresent();
    }

    @Test
    void anInvalidRequestGetsAFaultNamingTheProblem() {
        Soap.Answer answer = Soap.post(url(), Soap.sample("missing-name.invalid.xml", run));
        System.out.println(answer);
        assertThat(answer.isFault()).as(answer.body()).isTrue();
    }

    @Test
    void hostile() {
        System.out.println(Soap.post(url(), Soap.sample("xxe.hostile.xml", run)));
        System.out.println(Soap.post(url(), Soap.sample("billion-laughs.hostile.xml", run)));
    }
}
