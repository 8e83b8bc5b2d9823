package io.cemhub.overview;

import io.cemhub.config.CoreConfiguration;
import io.cemhub.crm.ContactStore;
import io.cemhub.identity.RegistryService;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.threshold.MeasurementStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** Customer 360: the interaction store (an evaluator of the pipeline) and the overview it feeds. */
@Configuration(proxyBeanMethods = false)
public class OverviewConfiguration {

    @Bean
    public ContactStore contactStore(JdbcTemplate jdbc) {
        return new ContactStore(jdbc);
    }

    @Bean
    public InteractionStore interactionStore(JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json) {
        return new InteractionStore(jdbc, json.mapper());
    }

    @Bean
    @Order(15)
    public InteractionRecorder interactionRecorder(InteractionStore store) {
        return new InteractionRecorder(store);
    }

    @Bean
    public CustomerOverviewService customerOverviewService(RegistryService registry, ContactStore contacts,
                                                           MeasurementStore measurements, AlarmStore alarms,
                                                           InteractionStore interactions, KpiCatalogue kpis, Clock clock) {
        return new CustomerOverviewService(registry, contacts, measurements, alarms, interactions, kpis, clock);
    }
}
