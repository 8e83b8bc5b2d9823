package io.cemhub.identity;

import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the registry's SQL must do on every supported database: the same assertions run on H2 and on
 * PostgreSQL, after the same Flyway migrations.
 */
abstract class RegistryRepositoryContract {

    protected RegistryRepository repository;
    protected IdentityResolver resolver;

    /** A migrated, empty database of the kind under test. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void wire() {
        repository = new RegistryRepository(new JdbcTemplate(dataSource()));
        IdentityProperties properties = new IdentityProperties();
        properties.setCacheTtl(Duration.ofMinutes(1));
        resolver = new IdentityResolver(repository, properties);
    }

    @Test
    void customerRoundTripWithExternalIds() {
        Customer c = new Customer("C-1", "Jane", "VIP", "gold", "active", Map.of("billing", List.of("ACC-1", "ACC-2")));
        assertThat(repository.saveCustomer(c)).isTrue();
        assertThat(repository.findCustomer("C-1")).contains(c);
        Customer renamed = new Customer("C-1", "Jane D.", "business", null, "suspended", Map.of());
        assertThat(repository.saveCustomer(renamed)).isFalse();
        assertThat(repository.findCustomer("C-1")).contains(renamed);
        assertThat(repository.customerOfExternalId("billing", "ACC-1")).isEmpty();
        assertThat(repository.countCustomers()).isEqualTo(1);
    }

    @Test
    void serviceResolvesFromEverySystemsIdAndFromItsOwn() {
        repository.saveCustomer(new Customer("C-2", "Bob", "residential", "bronze", "active", Map.of()));
        repository.saveService(new Service("S-2", "C-2", "broadband", Map.of("downloadMbps", 250.0),
                Map.of("wisla-speedtest", List.of("LINE-9"), "snmp", List.of("10.0.0.1:7"))));

        assertThat(resolver.service("wisla-speedtest", "LINE-9")).get()
                .satisfies(r -> {
                    assertThat(r.service().id()).isEqualTo("S-2");
                    assertThat(r.customer().segment()).isEqualTo("residential");
                    assertThat(r.service().characteristics()).containsEntry("downloadMbps", 250.0);
                });
        assertThat(resolver.service("snmp", "10.0.0.1:7")).get().extracting(r -> r.service().id()).isEqualTo("S-2");
        assertThat(resolver.service("cem", "S-2")).isPresent();
        assertThat(resolver.service("wisla-vpn", "LINE-9")).as("ids are scoped by system").isEmpty();
        assertThat(repository.listServices("C-2", 0, 10)).hasSize(1);
        assertThat(repository.listServices(null, 0, 10)).extracting(Service::id).contains("S-2");
    }

    @Test
    void aServiceNeedsItsCustomerAndAnExternalIdIsUnique() {
        assertThatThrownBy(() -> repository.saveService(new Service("S-3", "NOBODY", "vpn", Map.of(), Map.of())))
                .isInstanceOf(DataIntegrityViolationException.class);
        repository.saveCustomer(new Customer("C-3", "Eve", null, null, null, Map.of()));
        repository.saveService(new Service("S-3", "C-3", "vpn", Map.of(), Map.of("wisla-vpn", List.of("T-1"))));
        assertThatThrownBy(() -> repository.saveService(new Service("S-4", "C-3", "vpn", Map.of(),
                Map.of("wisla-vpn", List.of("T-1"))))).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void measurementsAreStoredOnceEvenWhenTheyArriveTwice() {
        var store = new io.cemhub.threshold.MeasurementStore(new JdbcTemplate(dataSource()));
        java.time.Instant t = java.time.Instant.parse("2026-11-22T10:00:00Z");
        var m = new io.cemhub.model.Measurement("m-1", new io.cemhub.model.SourceRef("wisla-vpn", null), "C-1", "S-1",
                "vpn", "vpn.loss", 0.5, "%", t, t, Map.of());
        store.insert(List.of(m, m));
        store.insert(List.of(m));
        List<Double> values = new java.util.ArrayList<>();
        store.scan("vpn.loss", "S-1", t.minusSeconds(1), t.plusSeconds(1), v -> values.add(v.value()));
        assertThat(values).containsExactly(0.5);
    }

    @Test
    void deletingAServiceRemovesItsIdsAndCharacteristics() {
        repository.saveCustomer(new Customer("C-5", "Ann", null, null, null, Map.of()));
        repository.saveService(new Service("S-5", "C-5", "voice", Map.of("mos", 4.0), Map.of("billing", List.of("A-5"))));
        assertThat(repository.deleteService("S-5")).isTrue();
        assertThat(repository.serviceOfExternalId("billing", "A-5")).isEmpty();
        assertThat(repository.findService("S-5")).isEmpty();
        assertThat(repository.deleteCustomer("C-5")).isTrue();
        assertThat(repository.deleteCustomer("C-5")).isFalse();
    }
}
