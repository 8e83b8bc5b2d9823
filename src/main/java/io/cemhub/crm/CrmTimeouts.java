package io.cemhub.crm;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import java.time.Duration;

/** Connection and receive timeouts of the hub's calls to the CRM: a hung CRM costs a bounded wait. */
class CrmTimeouts implements CxfConfigurer {

    private final Duration connect;
    private final Duration receive;

    CrmTimeouts(Duration connect, Duration receive) {
        this.connect = connect;
        this.receive = receive;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
        // nothing beyond the client's conduit
    }

    @Override
    public void configureClient(Client client) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connect.toMillis());
        policy.setReceiveTimeout(receive.toMillis());
        policy.setAllowChunking(false);
        ((HTTPConduit) client.getConduit()).setClient(policy);
    }

    @Override
    public void configureServer(Server server) {
        // the query endpoint is a client only
    }
}
