package io.cemhub.overview;

import io.cemhub.crm.CrmCustomer;
import io.cemhub.model.Alarm;
import io.cemhub.model.Customer;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.Service;

import java.time.Instant;
import java.util.List;

/**
 * Customer 360: the customer, its services with the latest value of each KPI, its open alarms and its
 * recent interactions, in one answer.
 */
public record CustomerOverview(
        Customer customer,
        CrmCustomer.Contact contact,
        List<ServiceOverview> services,
        List<Alarm> openAlarms,
        List<CustomerInteraction> recentInteractions,
        Instant generatedAt) {

    /** A service and the latest value of each of its KPIs. */
    public record ServiceOverview(Service service, List<KpiValue> latestKpis) {
    }

    /** The latest value of one KPI, with the catalogue's unit. */
    public record KpiValue(String metric, double value, String unit, Instant observedAt) {
    }
}
