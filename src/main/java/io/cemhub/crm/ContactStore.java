package io.cemhub.crm;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** Customer contacts as the CRM sends them (table customer_contact); Customer 360 shows them. */
public class ContactStore {

    private final JdbcTemplate jdbc;

    public ContactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String customerId, CrmCustomer.Contact contact) {
        jdbc.update("delete from customer_contact where customer_id = ?", customerId);
        if (!CrmCustomer.Contact.isBlank(contact)) {
            jdbc.update("insert into customer_contact (customer_id, name, email, phone) values (?, ?, ?, ?)",
                    customerId, contact.name(), contact.email(), contact.phone());
        }
    }

    public Optional<CrmCustomer.Contact> find(String customerId) {
        return jdbc.query("select name, email, phone from customer_contact where customer_id = ?",
                (rs, n) -> new CrmCustomer.Contact(rs.getString(1), rs.getString(2), rs.getString(3)), customerId)
                .stream().findFirst();
    }
}
