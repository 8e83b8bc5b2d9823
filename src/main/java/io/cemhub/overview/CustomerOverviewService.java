package io.cemhub.overview;

import io.cemhub.crm.ContactStore;
import io.cemhub.identity.RegistryService;
import io.cemhub.kpi.Kpi;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.model.Alarm;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.threshold.AlarmFactory;
import io.cemhub.threshold.AlarmFilter;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.threshold.MeasurementStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Puts Customer 360 together from the registry, the measurement store (latest value per KPI and service;
 * empty when cem.thresholds.store-measurements is off), the alarms and the interaction store.
 */
public class CustomerOverviewService {

    static final int MAX_SERVICES = 500;
    static final int MAX_ALARMS = 200;

    private final RegistryService registry;
    private final ContactStore contacts;
    private final MeasurementStore measurements;
    private final AlarmStore alarms;
    private final InteractionStore interactions;
    private final KpiCatalogue kpis;
    private final Clock clock;

    public CustomerOverviewService(RegistryService registry, ContactStore contacts, MeasurementStore measurements,
                                   AlarmStore alarms, InteractionStore interactions, KpiCatalogue kpis, Clock clock) {
        this.registry = registry;
        this.contacts = contacts;
        this.measurements = measurements;
        this.alarms = alarms;
        this.interactions = interactions;
        this.kpis = kpis;
        this.clock = clock;
    }

    public Optional<CustomerOverview> overview(String customerId, int interactionLimit) {
        Optional<Customer> customer = registry.customer(customerId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<CustomerOverview.ServiceOverview> services = new ArrayList<>();
        for (Service s : registry.services(customerId, 0, MAX_SERVICES).items()) {
            services.add(new CustomerOverview.ServiceOverview(s, measurements.latest(s.id()).stream()
                    .map(m -> new CustomerOverview.KpiValue(m.metric(), m.value(),
                            kpis.find(m.metric()).map(Kpi::unit).orElse(null), m.observedAt()))
                    .toList()));
        }
        return Optional.of(new CustomerOverview(customer.get(), contacts.find(customerId).orElse(null), services,
                openAlarms(customerId), interactions.recent(customerId, interactionLimit), clock.instant()));
    }

    private List<Alarm> openAlarms(String customerId) {
        List<Alarm> open = new ArrayList<>();
        for (String state : List.of(AlarmFactory.RAISED, AlarmFactory.UPDATED)) {
            open.addAll(alarms.list(new AlarmFilter(state, null, null, customerId, null, null, null), 0, MAX_ALARMS));
        }
        open.sort(Comparator.comparing(Alarm::alarmRaisedTime).reversed());
        return open;
    }
}
