package io.cemhub.crm;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptor;

/**
 * The hook for authenticating the CRM (security issue #8): every bean of this type joins the inbound
 * interceptor chain of the notification service, in its own phase (e.g. PRE_PROTOCOL for WS-Security,
 * RECEIVE for HTTP credentials), before the hub reads the body. None exists yet: the service is
 * unauthenticated and, like the rest of the hub, listens on loopback only.
 */
public interface CrmSecurityInterceptor extends PhaseInterceptor<Message> {
}
