package io.cemhub.identity;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the canonical service (and its customer) for an id as a source system names it. A source's id
 * is looked up first among that system's external ids, then as a canonical id. Answers, including
 * "unknown", are cached for {@code cem.identity.cache-ttl}; a registry write clears the cache.
 * {@link #prefetch} looks up all the ids of an ingest message that are not cached in a fixed number of
 * statements (one when none is known), instead of one to six per id.
 */
public class IdentityResolver {

    private final RegistryRepository repository;
    private final LoadingCache<IdentityRef, Optional<ResolvedService>> services;
    private final LoadingCache<IdentityRef, Optional<Customer>> customers;

    public IdentityResolver(RegistryRepository repository, IdentityProperties properties) {
        this.repository = repository;
        this.services = Caffeine.newBuilder()
                .expireAfterWrite(properties.getCacheTtl())
                .maximumSize(properties.getCacheSize())
                .build(loader(this::loadServices));
        this.customers = Caffeine.newBuilder()
                .expireAfterWrite(properties.getCacheTtl())
                .maximumSize(properties.getCacheSize())
                .build(loader(this::loadCustomers));
    }

    public Optional<ResolvedService> service(String system, String serviceRef) {
        return serviceRef == null ? Optional.empty() : services.get(new IdentityRef(system, serviceRef));
    }

    public Optional<Customer> customer(String system, String customerRef) {
        return customerRef == null ? Optional.empty() : customers.get(new IdentityRef(system, customerRef));
    }

    /** Brings these ids into the cache, those not there yet in one batch each (services, customers). */
    public void prefetch(Collection<IdentityRef> serviceRefs, Collection<IdentityRef> customerRefs) {
        if (!serviceRefs.isEmpty()) {
            services.getAll(serviceRefs);
        }
        if (!customerRefs.isEmpty()) {
            customers.getAll(customerRefs);
        }
    }

    /** Forgets what is remembered about one id (found or not): its next lookup asks the registry. */
    public void forget(String system, String ref) {
        if (ref != null) {
            services.invalidate(new IdentityRef(system, ref));
            customers.invalidate(new IdentityRef(system, ref));
        }
    }

    public void invalidateAll() {
        services.invalidateAll();
        customers.invalidateAll();
    }

    private Map<IdentityRef, Optional<ResolvedService>> loadServices(Set<? extends IdentityRef> refs) {
        Map<IdentityRef, String> ids = repository.serviceIdsOf(Set.copyOf(refs));
        Map<String, Service> found = byId(repository.findServices(Set.copyOf(ids.values())), Service::id);
        Map<String, Customer> owners = byId(repository.findCustomers(
                found.values().stream().map(Service::customerId).collect(Collectors.toSet())), Customer::id);
        Map<IdentityRef, Optional<ResolvedService>> answers = new HashMap<>();
        for (IdentityRef ref : refs) {
            Optional<Service> service = Optional.ofNullable(ids.get(ref)).map(found::get);
            answers.put(ref, service.flatMap(s -> Optional.ofNullable(owners.get(s.customerId()))
                    .map(c -> new ResolvedService(s, c))));
        }
        return answers;
    }

    private Map<IdentityRef, Optional<Customer>> loadCustomers(Set<? extends IdentityRef> refs) {
        Map<IdentityRef, String> ids = repository.customerIdsOf(Set.copyOf(refs));
        Map<String, Customer> found = byId(repository.findCustomers(Set.copyOf(ids.values())), Customer::id);
        Map<IdentityRef, Optional<Customer>> answers = new HashMap<>();
        for (IdentityRef ref : refs) {
            answers.put(ref, Optional.ofNullable(ids.get(ref)).map(found::get));
        }
        return answers;
    }

    private static <T> Map<String, T> byId(Collection<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** One lookup and a batch of lookups through the same code: a single id is a batch of one. */
    private static <V> CacheLoader<IdentityRef, V> loader(Function<Set<? extends IdentityRef>, Map<IdentityRef, V>> batch) {
        return new CacheLoader<>() {
            @Override
            public V load(IdentityRef ref) {
                return batch.apply(Set.of(ref)).get(ref);
            }

            @Override
            public Map<IdentityRef, V> loadAll(Set<? extends IdentityRef> refs) {
                return batch.apply(refs);
            }
        };
    }
}
