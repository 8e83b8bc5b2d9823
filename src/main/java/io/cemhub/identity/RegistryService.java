package io.cemhub.identity;

import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The rules of the customer and service registry: an external id belongs to one customer or service
 * only, a service needs an existing customer, a customer with services cannot be deleted. Every write
 * clears the identity cache of this instance and announces {@link RegistryChanged} (held records may be
 * resolvable now).
 */
@Transactional
public class RegistryService {

    private final RegistryRepository repository;
    private final IdentityResolver resolver;
    private final ApplicationEventPublisher events;

    public RegistryService(RegistryRepository repository, IdentityResolver resolver, ApplicationEventPublisher events) {
        this.repository = repository;
        this.resolver = resolver;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<Customer> customer(String id) {
        return repository.findCustomer(id);
    }

    @Transactional(readOnly = true)
    public Page<Customer> customers(int offset, int limit) {
        return new Page<>(repository.listCustomers(offset, limit), repository.countCustomers());
    }

    /** @return true when created, false when replaced */
    public boolean putCustomer(Customer customer) {
        checkExternalIds(customer.id(), customer.externalIds(), repository::customerOfExternalId, "customer");
        boolean created = repository.saveCustomer(customer);
        changed("customer " + customer.id());
        return created;
    }

    public boolean deleteCustomer(String id) {
        long services = repository.countServices(id);
        if (services > 0) {
            throw new RegistryConflictException("customer " + id + " still has " + services
                    + " service(s): delete them first");
        }
        boolean deleted = repository.deleteCustomer(id);
        changed("customer " + id);
        return deleted;
    }

    @Transactional(readOnly = true)
    public Optional<Service> service(String id) {
        return repository.findService(id);
    }

    @Transactional(readOnly = true)
    public Page<Service> services(String customerId, int offset, int limit) {
        return new Page<>(repository.listServices(customerId, offset, limit), repository.countServices(customerId));
    }

    public boolean putService(Service service) {
        if (repository.findCustomer(service.customerId()).isEmpty()) {
            throw new RegistryConflictException("customer " + service.customerId()
                    + " does not exist: create it before its services");
        }
        checkExternalIds(service.id(), service.externalIds(), repository::serviceOfExternalId, "service");
        boolean created = repository.saveService(service);
        changed("service " + service.id());
        return created;
    }

    public boolean deleteService(String id) {
        boolean deleted = repository.deleteService(id);
        changed("service " + id);
        return deleted;
    }

    private void changed(String what) {
        resolver.invalidateAll();
        events.publishEvent(new RegistryChanged(what));
    }

    private static void checkExternalIds(String ownerId, Map<String, List<String>> externalIds,
                                         BiFunction<String, String, Optional<String>> ownerOf, String kind) {
        externalIds.forEach((system, ids) -> ids.forEach(externalId -> ownerOf.apply(system, externalId)
                .filter(owner -> !owner.equals(ownerId))
                .ifPresent(owner -> {
                    throw new RegistryConflictException("external id " + system + ":" + externalId
                            + " already belongs to " + kind + " " + owner);
                })));
    }

    /** One page of a listing and the total count behind it. */
    public record Page<T>(List<T> items, long total) {
    }
}
