package io.cemhub.identity;

import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the customer and service registry. Callers hold the transaction. */
public class RegistryRepository {

    private final JdbcTemplate jdbc;

    public RegistryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> findCustomer(String id) {
        return jdbc.query("select id, name, segment, sla_tier, status from customer where id = ?",
                (rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), customerExternalIds(rs.getString(1))), id).stream().findFirst();
    }

    public List<Customer> listCustomers(int offset, int limit) {
        return jdbc.query("select id from customer order by id offset ? rows fetch next ? rows only",
                        (rs, n) -> rs.getString(1), offset, limit).stream()
                .map(id -> findCustomer(id).orElseThrow()).toList();
    }

    public long countCustomers() {
        return jdbc.queryForObject("select count(*) from customer", Long.class);
    }

    /** @return true when the customer was created, false when it was updated */
    public boolean saveCustomer(Customer c) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update customer set name = ?, segment = ?, sla_tier = ?, status = ?, updated_at = ?"
                + " where id = ?", c.name(), c.segment(), c.slaTier(), c.status(), now, c.id());
        if (updated == 0) {
            jdbc.update("insert into customer (id, name, segment, sla_tier, status, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", c.id(), c.name(), c.segment(), c.slaTier(), c.status(), now, now);
        }
        jdbc.update("delete from customer_external_id where customer_id = ?", c.id());
        c.externalIds().forEach((system, ids) -> ids.forEach(externalId -> jdbc.update(
                "insert into customer_external_id (system, external_id, customer_id) values (?, ?, ?)",
                system, externalId, c.id())));
        return updated == 0;
    }

    public boolean deleteCustomer(String id) {
        return jdbc.update("delete from customer where id = ?", id) > 0;
    }

    public Optional<String> customerOfExternalId(String system, String externalId) {
        return jdbc.queryForList("select customer_id from customer_external_id where system = ? and external_id = ?",
                String.class, system, externalId).stream().findFirst();
    }

    public Optional<Service> findService(String id) {
        return jdbc.query("select id, customer_id, service_type from service where id = ?",
                (rs, n) -> new Service(rs.getString(1), rs.getString(2), rs.getString(3),
                        characteristics(rs.getString(1)), serviceExternalIds(rs.getString(1))), id).stream().findFirst();
    }

    public List<Service> listServices(String customerId, int offset, int limit) {
        String where = customerId == null ? "" : " where customer_id = ?";
        Object[] args = customerId == null ? new Object[] {offset, limit} : new Object[] {customerId, offset, limit};
        return jdbc.query("select id from service" + where + " order by id offset ? rows fetch next ? rows only",
                        (rs, n) -> rs.getString(1), args).stream()
                .map(id -> findService(id).orElseThrow()).toList();
    }

    public long countServices(String customerId) {
        return customerId == null
                ? jdbc.queryForObject("select count(*) from service", Long.class)
                : jdbc.queryForObject("select count(*) from service where customer_id = ?", Long.class, customerId);
    }

    public boolean saveService(Service s) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update service set customer_id = ?, service_type = ?, updated_at = ? where id = ?",
                s.customerId(), s.serviceType(), now, s.id());
        if (updated == 0) {
            jdbc.update("insert into service (id, customer_id, service_type, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?)", s.id(), s.customerId(), s.serviceType(), now, now);
        }
        jdbc.update("delete from service_characteristic where service_id = ?", s.id());
        s.characteristics().forEach((name, value) -> jdbc.update(
                "insert into service_characteristic (service_id, name, num_value) values (?, ?, ?)",
                s.id(), name, value));
        jdbc.update("delete from service_external_id where service_id = ?", s.id());
        s.externalIds().forEach((system, ids) -> ids.forEach(externalId -> jdbc.update(
                "insert into service_external_id (system, external_id, service_id) values (?, ?, ?)",
                system, externalId, s.id())));
        return updated == 0;
    }

    public boolean deleteService(String id) {
        return jdbc.update("delete from service where id = ?", id) > 0;
    }

    public Optional<String> serviceOfExternalId(String system, String externalId) {
        return jdbc.queryForList("select service_id from service_external_id where system = ? and external_id = ?",
                String.class, system, externalId).stream().findFirst();
    }

    private Map<String, List<String>> customerExternalIds(String customerId) {
        return pairs("select system, external_id from customer_external_id where customer_id = ?"
                + " order by system, external_id", customerId);
    }

    private Map<String, List<String>> serviceExternalIds(String serviceId) {
        return pairs("select system, external_id from service_external_id where service_id = ?"
                + " order by system, external_id", serviceId);
    }

    private Map<String, Double> characteristics(String serviceId) {
        Map<String, Double> values = new HashMap<>();
        jdbc.query("select name, num_value from service_characteristic where service_id = ?",
                rs -> { values.put(rs.getString(1), rs.getDouble(2)); }, serviceId);
        return values;
    }

    private Map<String, List<String>> pairs(String sql, String id) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        jdbc.query(sql, rs -> { values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)); }, id);
        return values;
    }
}
