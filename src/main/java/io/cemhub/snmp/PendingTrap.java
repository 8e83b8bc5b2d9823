package io.cemhub.snmp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snmp4j.CommandResponderEvent;

/**
 * A notification that passed the security checks, waiting to be made durable: its JSON form and, for an
 * INFORM, the request to answer once it is durable (null for a trap, which is never answered).
 */
record PendingTrap(ObjectNode json, CommandResponderEvent<?> inform) {
}
