package io.cemhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The customer registry (TMF629 subset). */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Registry", description = "Customers and services every source's ids resolve to")
public class CustomerController {

    private final RegistryService registry;
    private final RegistryBodies bodies;

    public CustomerController(RegistryService registry, RegistryBodies bodies) {
        this.registry = registry;
        this.bodies = bodies;
    }

    @GetMapping
    @Operation(summary = "List customers by id, a page at a time; X-Total-Count carries the total")
    public ResponseEntity<List<Customer>> list(@RequestParam(defaultValue = "0") int offset,
                                               @RequestParam(defaultValue = "100") int limit) {
        RegistryService.Page<Customer> page = registry.customers(Paging.offset(offset), Paging.limit(limit));
        return ResponseEntity.ok().header(Paging.TOTAL_COUNT, Long.toString(page.total())).body(page.items());
    }

    @GetMapping("/{id}")
    public Customer get(@PathVariable String id) {
        return registry.customer(id).orElseThrow(() -> new NotFoundException("no customer " + id));
    }

    @PostMapping
    @Operation(summary = "Create a customer; 409 when the id exists (use PUT to replace)")
    public ResponseEntity<Customer> create(@RequestBody JsonNode body) {
        Customer customer = bodies.customer(body, null, Customer.class);
        if (registry.customer(customer.id()).isPresent()) {
            throw new io.cemhub.identity.RegistryConflictException("customer " + customer.id()
                    + " exists already: PUT /api/v1/customers/" + customer.id() + " replaces it");
        }
        registry.putCustomer(customer);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id())).body(customer);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace a customer (201 created, 200 replaced)")
    public ResponseEntity<Customer> put(@PathVariable String id, @RequestBody JsonNode body) {
        Customer customer = bodies.customer(body, id, Customer.class);
        return registry.putCustomer(customer)
                ? ResponseEntity.created(URI.create("/api/v1/customers/" + id)).body(customer)
                : ResponseEntity.ok(customer);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a customer without services; 409 while it has services")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!registry.deleteCustomer(id)) {
            throw new NotFoundException("no customer " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
