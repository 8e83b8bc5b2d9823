package io.cemhub.experience;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of the registry for experience computations: customers with segment and tier, their
 * services and contracted characteristics. Three queries for the whole registry (or one customer), never one
 * per service.
 */
public final class Fleet {

    public record CustomerInfo(String id, String name, String segment, String slaTier) {
    }

    public record ServiceInfo(String id, String customerId, String serviceType, Map<String, Double> characteristics) {
    }

    private final Map<String, CustomerInfo> customers;
    private final Map<String, ServiceInfo> services;

    private Fleet(Map<String, CustomerInfo> customers, Map<String, ServiceInfo> services) {
        this.customers = customers;
        this.services = services;
    }

    /** @param customerId one customer, or null for all */
    public static Fleet load(JdbcTemplate jdbc, String customerId) {
        String where = customerId == null ? "" : " where customer_id = ?";
        Object[] args = customerId == null ? new Object[0] : new Object[] {customerId};
        Map<String, CustomerInfo> customers = new LinkedHashMap<>();
        jdbc.query("select id, name, segment, sla_tier from customer" + (customerId == null ? "" : " where id = ?")
                + " order by id", rs -> {
                    customers.put(rs.getString(1), new CustomerInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }, args);
        Map<String, Map<String, Double>> characteristics = new HashMap<>();
        jdbc.query("select c.service_id, c.name, c.num_value from service_characteristic c join service s on s.id = c.service_id"
                + (customerId == null ? "" : " where s.customer_id = ?"), rs -> {
                    characteristics.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
                }, args);
        Map<String, ServiceInfo> services = new LinkedHashMap<>();
        jdbc.query("select id, customer_id, service_type from service" + where + " order by id", rs -> {
            String id = rs.getString(1);
            services.put(id, new ServiceInfo(id, rs.getString(2), rs.getString(3),
                    characteristics.getOrDefault(id, Map.of())));
        }, args);
        return new Fleet(customers, services);
    }

    public Map<String, CustomerInfo> customers() {
        return customers;
    }

    public ServiceInfo service(String id) {
        return services.get(id);
    }

    public List<ServiceInfo> servicesOf(String customerId) {
        List<ServiceInfo> list = new ArrayList<>();
        for (ServiceInfo s : services.values()) {
            if (s.customerId().equals(customerId)) {
                list.add(s);
            }
        }
        return list;
    }

    /** What a service is promised, by metric (its customer's tier, its characteristics, the customer's overrides). */
    public Map<String, SlaContracts.Target> targets(SlaContracts contracts, String serviceId) {
        ServiceInfo s = services.get(serviceId);
        if (s == null) {
            return Map.of();
        }
        CustomerInfo c = customers.get(s.customerId());
        return contracts.targets(c == null ? null : c.slaTier(), s.customerId(), s.characteristics());
    }
}
