package io.cemhub.crm;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import java.time.Duration;

/**
 * The conduit of the hub's calls to the CRM: {@link URLConnectionHTTPConduit} (not CXF 4's default
 * {@code HttpClientHTTPConduit}, which after the CRM restarted sent requests with empty bodies on stale
 * pooled connections until they aged out: the first answer after a CRM restart took 7-80 s), with connection
 * and receive timeouts so that a hung CRM costs a bounded wait.
 */
class CrmTimeouts implements CxfConfigurer {

    private static final HTTPConduitFactory URL_CONNECTION =
            (transport, bus, endpointInfo, target) -> new URLConnectionHTTPConduit(bus, endpointInfo, target);

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
        // set before the conduit is first asked for: the transport factory then builds it through this factory
        client.getEndpoint().getEndpointInfo().setProperty(HTTPConduitFactory.class.getName(), URL_CONNECTION);
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
