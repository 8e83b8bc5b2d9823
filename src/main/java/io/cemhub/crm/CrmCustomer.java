package io.cemhub.crm;

import io.cemhub.model.Customer;
import io.cemhub.model.Service;

import java.util.List;

/**
 * A customer as the CRM sends it (CustomerUpdated, GetCustomerResponse): the registry's customer with
 * its external ids (billing accounts), its contact, and all its services with their external ids.
 */
public record CrmCustomer(Customer customer, Contact contact, List<Service> services) {

    public CrmCustomer {
        services = List.copyOf(services);
    }

    /** How to reach the customer; every field optional. */
    public record Contact(String name, String email, String phone) {

        public static boolean isBlank(Contact contact) {
            return contact == null || contact.name() == null && contact.email() == null && contact.phone() == null;
        }
    }
}
