package io.cemhub.identity;

import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** SQL for the customer and service registry. Callers hold the transaction. */
public class RegistryRepository {

    private final JdbcTemplate jdbc;

    public RegistryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> findCustomer(String id) {
        return customers("where id = ?", id).stream().findFirst();
    }

    public List<Customer> listCustomers(int offset, int limit) {
        return customers("order by id offset ? rows fetch next ? rows only", offset, limit);
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
        return services("where id = ?", id).stream().findFirst();
    }

    public List<Service> listServices(String customerId, int offset, int limit) {
        String page = "order by id offset ? rows fetch next ? rows only";
        return customerId == null
                ? services(page, offset, limit)
                : services("where customer_id = ? " + page, customerId, offset, limit);
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

    /**
     * For each (system, id): the canonical service id it names, as {@link #serviceOfExternalId} then the id
     * itself as a canonical id would find it one by one. Ids naming no service are absent. ONE statement
     * whatever the number of ids (issue 10, finding F2: it was one or two per id).
     */
    public Map<IdentityRef, String> serviceIdsOf(Collection<IdentityRef> refs) {
        return canonicalIds(refs, "service_external_id", "service_id", "service");
    }

    /** For each (system, id): the canonical customer id it names, like {@link #serviceIdsOf}. One statement. */
    public Map<IdentityRef, String> customerIdsOf(Collection<IdentityRef> refs) {
        return canonicalIds(refs, "customer_external_id", "customer_id", "customer");
    }

    /** The services with these ids, with their characteristics and external ids, in three statements. */
    public List<Service> findServices(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : services("where id in (" + placeholders(ids.size()) + ")", ids.toArray());
    }

    /** The customers with these ids, with their external ids, in two statements. */
    public List<Customer> findCustomers(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : customers("where id in (" + placeholders(ids.size()) + ")", ids.toArray());
    }

    private Map<IdentityRef, String> canonicalIds(Collection<IdentityRef> refs, String externalTable, String ownerColumn,
                                                 String ownerTable) {
        Map<IdentityRef, String> found = new HashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        Object[] systems = refs.stream().map(IdentityRef::system).filter(Objects::nonNull).distinct().toArray();
        Object[] ids = refs.stream().map(IdentityRef::id).distinct().toArray();
        Map<IdentityRef, String> external = new HashMap<>();
        Set<String> canonical = new HashSet<>();
        // The arrays select a cross product of systems and ids: only the pairs asked for count (below).
        jdbc.query("select system, external_id, " + ownerColumn + " from " + externalTable
                        + " where system = any(?) and external_id = any(?)"
                        + " union all select null, id, id from " + ownerTable + " where id = any(?)",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", systems));
                    ps.setArray(2, ps.getConnection().createArrayOf("varchar", ids));
                    ps.setArray(3, ps.getConnection().createArrayOf("varchar", ids));
                },
                rs -> {
                    if (rs.getString(1) == null) {
                        canonical.add(rs.getString(3));
                    } else {
                        external.put(new IdentityRef(rs.getString(1), rs.getString(2)), rs.getString(3));
                    }
                });
        for (IdentityRef ref : refs) {
            String id = ref.system() == null ? null : external.get(ref);
            if (id == null && canonical.contains(ref.id())) {
                id = ref.id();
            }
            if (id != null) {
                found.put(ref, id);
            }
        }
        return found;
    }

    /**
     * Customers selected by {@code tail} (a where and/or order clause), with their external ids: one
     * query for the rows and one for the ids of all of them, however many rows there are.
     */
    private List<Customer> customers(String tail, Object... args) {
        List<String[]> rows = jdbc.query("select id, name, segment, sla_tier, status from customer " + tail,
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}, args);
        Map<String, Map<String, List<String>>> ids = externalIds("customer_external_id", "customer_id", rows);
        return rows.stream().map(r -> new Customer(r[0], r[1], r[2], r[3], r[4], ids.get(r[0]))).toList();
    }

    /** Services selected by {@code tail}, with their characteristics and external ids, in three queries. */
    private List<Service> services(String tail, Object... args) {
        List<String[]> rows = jdbc.query("select id, customer_id, service_type from service " + tail,
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, args);
        Map<String, Map<String, List<String>>> ids = externalIds("service_external_id", "service_id", rows);
        Map<String, Map<String, Double>> characteristics = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.query("select service_id, name, num_value from service_characteristic where service_id in ("
                    + placeholders(rows.size()) + ")", rs -> {
                characteristics.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }, firstColumn(rows));
        }
        return rows.stream().map(r -> new Service(r[0], r[1], r[2], characteristics.get(r[0]), ids.get(r[0]))).toList();
    }

    /** owner id -> system -> external ids, for the owners in {@code rows} (first column). */
    private Map<String, Map<String, List<String>>> externalIds(String table, String ownerColumn, List<String[]> rows) {
        Map<String, Map<String, List<String>>> ids = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.query("select " + ownerColumn + ", system, external_id from " + table + " where " + ownerColumn
                    + " in (" + placeholders(rows.size()) + ") order by system, external_id", rs -> {
                ids.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
            }, firstColumn(rows));
        }
        return ids;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] firstColumn(List<String[]> rows) {
        return rows.stream().map(r -> r[0]).toArray();
    }
}
