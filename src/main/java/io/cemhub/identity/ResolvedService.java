package io.cemhub.identity;

import io.cemhub.model.Customer;
import io.cemhub.model.Service;

/** A service with the customer that owns it: what enrichment needs about a measurement. */
public record ResolvedService(Service service, Customer customer) {
}
