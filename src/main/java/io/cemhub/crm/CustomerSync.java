package io.cemhub.crm;

import io.cemhub.identity.RegistryService;
import io.cemhub.model.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the registry say what the CRM says about a customer, in one database transaction: the customer,
 * its contact, exactly the services it lists (others of the customer are removed) and their external ids.
 * An id that belongs to another customer's service refuses the whole update (the CRM must move it there
 * first); ids may move freely between services of the same customer.
 */
public class CustomerSync {

    private static final int MAX_SERVICES = 10_000;

    private final RegistryService registry;
    private final ContactStore contacts;
    private final TransactionTemplate transaction;

    public CustomerSync(RegistryService registry, ContactStore contacts, TransactionTemplate transaction) {
        this.registry = registry;
        this.contacts = contacts;
        this.transaction = transaction;
    }

    /** @return what changed, for the Ack */
    public String apply(CrmCustomer crm) {
        return transaction.execute(status -> {
            String id = crm.customer().id();
            Set<String> listed = crm.services().stream().map(Service::id).collect(Collectors.toSet());
            List<Service> existing = registry.services(id, 0, MAX_SERVICES).items();
            int removed = 0;
            for (Service s : existing) {
                if (!listed.contains(s.id())) {
                    registry.deleteService(s.id());
                    removed++;
                } else if (!s.externalIds().isEmpty()) {
                    // frees its ids first, so that they can move to another of this customer's services
                    registry.putService(new Service(s.id(), s.customerId(), s.serviceType(), s.characteristics(), Map.of()));
                }
            }
            boolean created = registry.putCustomer(crm.customer());
            for (Service s : crm.services()) {
                registry.putService(s);
            }
            contacts.save(id, crm.contact());
            return "customer " + id + (created ? " created" : " updated") + " with " + crm.services().size()
                    + " service(s)" + (removed > 0 ? ", " + removed + " removed" : "");
        });
    }

    /** @return what changed, for the Ack; a customer the hub does not know is no error (already gone) */
    public String remove(String customerId) {
        return transaction.execute(status -> {
            List<Service> services = registry.services(customerId, 0, MAX_SERVICES).items();
            services.forEach(s -> registry.deleteService(s.id()));
            boolean deleted = registry.deleteCustomer(customerId);
            return deleted ? "customer " + customerId + " removed with " + services.size() + " service(s)"
                    : "customer " + customerId + " was not known";
        });
    }
}
