package io.cemhub.broker;

import org.apache.activemq.artemis.core.security.Role;

import java.util.Set;

/**
 * What each broker role may do where (Artemis security settings of the embedded broker):
 * the hub and ADMIN everything; SOURCE only send to the inbound queues (cem.ingest.canonical and the
 * adapters' cem.adapter.*); the holder of role {@code sub:<id>} only consume and browse its own
 * subscription's queue {@code cem.events::cem.sub.<id>}; SOURCE (billing) consume and browse its outbound queue
 * of compensation credits.
 */
public final class BrokerPermissions {

    private BrokerPermissions() {
    }

    /** For "#": every address. */
    public static Set<Role> everything() {
        return Set.of(all(BrokerSecurity.HUB_ROLE), all(io.cemhub.security.Role.ADMIN.name()));
    }

    /** For an inbound queue: sources may send. */
    public static Set<Role> inbound() {
        return Set.of(all(BrokerSecurity.HUB_ROLE), all(io.cemhub.security.Role.ADMIN.name()),
                new Role(io.cemhub.security.Role.SOURCE.name(), true, false, false, false, false, false, false, false,
                        false, false, false, false));
    }

    /** For an outbound queue (billing's compensation credits): sources may consume and browse, not send. */
    public static Set<Role> outbound() {
        return Set.of(all(BrokerSecurity.HUB_ROLE), all(io.cemhub.security.Role.ADMIN.name()),
                new Role(io.cemhub.security.Role.SOURCE.name(), false, true, false, false, false, false, false, true,
                        false, false, false, false));
    }

    /** For cem.events::cem.sub.{id}: its subscriber may consume and browse. */
    public static Set<Role> subscriber(String subscriptionId) {
        return Set.of(all(BrokerSecurity.HUB_ROLE), all(io.cemhub.security.Role.ADMIN.name()),
                new Role(BrokerSecurity.subscriberRole(subscriptionId), false, true, false, false, false, false, false,
                        true, false, false, false, false));
    }

    private static Role all(String name) {
        return new Role(name, true, true, true, true, true, true, true, true, true, true, true, true);
    }
}
