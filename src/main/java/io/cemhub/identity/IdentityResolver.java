package io.cemhub.identity;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;

import java.util.Optional;

/**
 * Finds the canonical service (and its customer) for an id as a source system names it. A source's id
 * is looked up first among that system's external ids, then as a canonical id. Answers, including
 * "unknown", are cached for {@code cem.identity.cache-ttl}; a registry write clears the cache.
 */
public class IdentityResolver {

    private final RegistryRepository repository;
    private final LoadingCache<Ref, Optional<ResolvedService>> services;
    private final LoadingCache<Ref, Optional<Customer>> customers;

    public IdentityResolver(RegistryRepository repository, IdentityProperties properties) {
        this.repository = repository;
        this.services = Caffeine.newBuilder()
                .expireAfterWrite(properties.getCacheTtl())
                .maximumSize(properties.getCacheSize())
                .build(this::loadService);
        this.customers = Caffeine.newBuilder()
                .expireAfterWrite(properties.getCacheTtl())
                .maximumSize(properties.getCacheSize())
                .build(this::loadCustomer);
    }

    public Optional<ResolvedService> service(String system, String serviceRef) {
        return serviceRef == null ? Optional.empty() : services.get(new Ref(system, serviceRef));
    }

    public Optional<Customer> customer(String system, String customerRef) {
        return customerRef == null ? Optional.empty() : customers.get(new Ref(system, customerRef));
    }

    /** Forgets what is remembered about one id (found or not): its next lookup asks the registry. */
    public void forget(String system, String ref) {
        if (ref != null) {
            services.invalidate(new Ref(system, ref));
            customers.invalidate(new Ref(system, ref));
        }
    }

    public void invalidateAll() {
        services.invalidateAll();
        customers.invalidateAll();
    }

    private Optional<ResolvedService> loadService(Ref ref) {
        Optional<String> serviceId = ref.system() == null ? Optional.empty()
                : repository.serviceOfExternalId(ref.system(), ref.id());
        Optional<Service> service = repository.findService(serviceId.orElse(ref.id()));
        return service.flatMap(s -> repository.findCustomer(s.customerId()).map(c -> new ResolvedService(s, c)));
    }

    private Optional<Customer> loadCustomer(Ref ref) {
        Optional<String> customerId = ref.system() == null ? Optional.empty()
                : repository.customerOfExternalId(ref.system(), ref.id());
        return repository.findCustomer(customerId.orElse(ref.id()));
    }

    private record Ref(String system, String id) {
    }
}
