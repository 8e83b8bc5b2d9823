package io.cemhub.demo;

import io.cemhub.identity.RegistryService;
import io.cemhub.model.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Demo profile, after {@link DemoRegistrySeeder}: gives each demo customer a voice service known to billing
 * by the customer's billing account ({@link DemoFleet#billingAccount}; the customer carries the same id), so
 * that the per-interval CDR KPIs (voice.*, which name the account as their service) resolve to a customer.
 * Also fills a registry seeded by an earlier run, before billing existed.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoVoiceServiceSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoVoiceServiceSeeder.class);

    private final RegistryService registry;

    public DemoVoiceServiceSeeder(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = 0;
        for (int i = 1; i <= DemoFleet.CUSTOMERS; i++) {
            if (registry.customer(DemoFleet.customerId(i)).isPresent()
                    && registry.service(DemoFleet.voiceServiceId(i)).isEmpty()) {
                registry.putService(new Service(DemoFleet.voiceServiceId(i), DemoFleet.customerId(i), "voice",
                        Map.of(), Map.of("billing", List.of(DemoFleet.billingAccount(i)))));
                added++;
            }
        }
        if (added > 0) {
            LOG.info("demo: seeded {} voice services, known to billing by account", added);
        }
    }
}
