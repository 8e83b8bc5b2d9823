package io.cemhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryConflictException;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Service;
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

/** The service registry (TMF638 subset), with each service's ids in other systems. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Registry")
public class ServiceController {

    private final RegistryService registry;
    private final RegistryBodies bodies;

    public ServiceController(RegistryService registry, RegistryBodies bodies) {
        this.registry = registry;
        this.bodies = bodies;
    }

    @GetMapping
    @Operation(summary = "List services, optionally of one customer; X-Total-Count carries the total")
    public ResponseEntity<List<Service>> list(@RequestParam(required = false) String customerId,
                                              @RequestParam(defaultValue = "0") int offset,
                                              @RequestParam(defaultValue = "100") int limit) {
        RegistryService.Page<Service> page = registry.services(customerId, Paging.offset(offset), Paging.limit(limit));
        return ResponseEntity.ok().header(Paging.TOTAL_COUNT, Long.toString(page.total())).body(page.items());
    }

    @GetMapping("/{id}")
    public Service get(@PathVariable String id) {
        return registry.service(id).orElseThrow(() -> new NotFoundException("no service " + id));
    }

    @PostMapping
    @Operation(summary = "Create a service of an existing customer; 409 when the id exists")
    public ResponseEntity<Service> create(@RequestBody JsonNode body) {
        Service service = bodies.service(body, null, Service.class);
        if (registry.service(service.id()).isPresent()) {
            throw new RegistryConflictException("service " + service.id()
                    + " exists already: PUT /api/v1/services/" + service.id() + " replaces it");
        }
        registry.putService(service);
        return ResponseEntity.created(URI.create("/api/v1/services/" + service.id())).body(service);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace a service (201 created, 200 replaced)")
    public ResponseEntity<Service> put(@PathVariable String id, @RequestBody JsonNode body) {
        Service service = bodies.service(body, id, Service.class);
        return registry.putService(service)
                ? ResponseEntity.created(URI.create("/api/v1/services/" + id)).body(service)
                : ResponseEntity.ok(service);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!registry.deleteService(id)) {
            throw new NotFoundException("no service " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
