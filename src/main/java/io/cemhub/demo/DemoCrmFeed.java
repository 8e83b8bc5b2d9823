package io.cemhub.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A simulated CRM calling the hub over real SOAP, in a cycle of four steps: a VPN measurement for the tunnel
 * of a customer the hub does not know yet (it is held), the CRM's CustomerUpdated for that customer (the
 * held record flows on, resolved), a trouble ticket for a seeded customer, and its update to resolved.
 */
public class DemoCrmFeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCrmFeed.class);
    private static final String ENVELOPE = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:crm=\"urn:cemhub:crm:v1\"><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>";

    /** The CRM logs in like any source (SOAP and REST entries need role SOURCE). */
    private final Supplier<String> apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random();
    private final Clock clock;
    private final Supplier<String> baseUrl;
    private long step;
    private int newCustomers;
    private int ticketCustomer = 1;

    public DemoCrmFeed(Clock clock, Supplier<String> baseUrl, Supplier<String> apiKey) {
        this.apiKey = apiKey;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public synchronized void step() throws IOException, InterruptedException {
        switch ((int) (step++ % 4)) {
            case 0 -> measurementForANewCustomer();
            case 1 -> soap("CustomerUpdated", "<crm:CustomerUpdated><crm:sentAt>" + clock.instant() + "</crm:sentAt>"
                    + customer(newCustomers) + "</crm:CustomerUpdated>");
            case 2 -> soap("TroubleTicketCreated", ticket("TroubleTicketCreated", "acknowledged", false));
            default -> soap("TroubleTicketUpdated", ticket("TroubleTicketUpdated", "resolved", true));
        }
    }

    private void measurementForANewCustomer() throws IOException, InterruptedException {
        newCustomers++;
        String body = String.format(Locale.ROOT, "{\"source\":{\"system\":\"wisla-vpn\",\"adapter\":\"demo-crm\"},"
                + "\"serviceId\":\"%s\",\"metric\":\"vpn.rtt.avg\",\"value\":%.2f,\"observedAt\":\"%s\"}",
                tunnel(newCustomers), 8 + random.nextDouble() * 20, clock.instant().minusSeconds(1));
        HttpResponse<String> answer = post("/api/v1/measurements", "application/json", body);
        LOG.info("demo CRM: a measurement for tunnel {} that the hub does not know yet: {} (held until the CRM"
                + " names its customer: GET /api/v1/identity/held)", tunnel(newCustomers), answer.statusCode());
    }

    private String customer(int n) {
        String id = String.format(Locale.ROOT, "DEMO-C%03d", 100 + n);
        return "<crm:customer><crm:id>" + id + "</crm:id><crm:name>New demo customer " + n + "</crm:name>"
                + "<crm:segment>business</crm:segment><crm:slaTier>silver</crm:slaTier><crm:status>active</crm:status>"
                + "<crm:contact><crm:email>customer" + n + "@example.org</crm:email></crm:contact>"
                + "<crm:billingAccount>ACC-" + (2000 + n) + "</crm:billingAccount>"
                + "<crm:service><crm:id>" + id + "-VPN</crm:id><crm:serviceType>vpn</crm:serviceType>"
                + "<crm:characteristic name=\"availabilityPct\">99.9</crm:characteristic>"
                + "<crm:externalIds><crm:vpnTunnel>" + tunnel(n) + "</crm:vpnTunnel></crm:externalIds></crm:service>"
                + "<crm:service><crm:id>" + id + "-PORT</crm:id><crm:serviceType>access</crm:serviceType>"
                + "<crm:externalIds><crm:networkInterface><crm:device>pe" + (n % 3 + 1) + ".demo.net</crm:device>"
                + "<crm:ifIndex>" + n + "</crm:ifIndex></crm:networkInterface></crm:externalIds></crm:service>"
                + "</crm:customer>";
    }

    private String ticket(String operation, String status, boolean update) {
        if (!update) {
            ticketCustomer = 1 + random.nextInt(DemoFleet.CUSTOMERS);
        }
        String now = clock.instant().toString();
        return "<crm:" + operation + "><crm:sentAt>" + now + "</crm:sentAt><crm:troubleTicket>"
                + "<crm:id>DEMO-TT-" + (step / 4) + "</crm:id><crm:customerId>" + DemoFleet.customerId(ticketCustomer)
                + "</crm:customerId><crm:serviceId>" + DemoFleet.vpnServiceId(ticketCustomer) + "</crm:serviceId>"
                + "<crm:name>VPN slow</crm:name><crm:ticketType>complaint</crm:ticketType><crm:severity>minor</crm:severity>"
                + "<crm:status>" + status + "</crm:status><crm:channel>phone</crm:channel>"
                + "<crm:creationDate>" + clock.instant().minusSeconds(update ? 15 : 0) + "</crm:creationDate>"
                + (update ? "<crm:lastUpdate>" + now + "</crm:lastUpdate>" : "")
                + "</crm:troubleTicket></crm:" + operation + ">";
    }

    private void soap(String operation, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = post("/services/crm", "text/xml; charset=UTF-8", String.format(ENVELOPE, body));
        LOG.info("demo CRM: {} over SOAP -> HTTP {}", operation, answer.statusCode());
    }

    private HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).header("Content-Type", type)
                .header("X-API-Key", apiKey.get()).header("SOAPAction", "\"\"").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tunnel(int n) {
        return String.format(Locale.ROOT, "TUN-%04d", 1000 + n);
    }
}
