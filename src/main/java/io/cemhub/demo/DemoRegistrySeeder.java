package io.cemhub.demo;

import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Demo profile: fills an empty registry with customers of every segment, each with a VPN (known to
 * wiSLA.VPN by tunnel ids) and a broadband line (known to wiSLA.Speedtest by line id).
 */
@Component
@Profile("demo")
@Order(1)
public class DemoRegistrySeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRegistrySeeder.class);
    private static final String[] SEGMENTS = {"VIP", "business", "business", "residential", "residential"};
    private static final String[] TIERS = {"gold", "silver", "silver", "bronze", "bronze"};

    private final RegistryService registry;

    public DemoRegistrySeeder(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.customers(0, 1).total() > 0) {
            return;
        }
        for (int i = 1; i <= DemoFleet.CUSTOMERS; i++) {
            String customer = DemoFleet.customerId(i);
            int kind = i % SEGMENTS.length;
            registry.putCustomer(new Customer(customer, "Demo customer " + i, SEGMENTS[kind], TIERS[kind], "active",
                    Map.of("billing", List.of("ACC-" + (1000 + i)))));
            // the demo's SNMP router (DemoSnmpDevice): interfaces 1..3 carry the first VPNs, its ping test
            // probes the first broadband line
            Map<String, List<String>> vpnIds = i <= DemoSnmpDevice.INTERFACES
                    ? Map.of("wisla-vpn", List.of(DemoFleet.tunnelId(i)), "snmp", List.of(DemoSnmpDevice.interfaceId(i)))
                    : Map.of("wisla-vpn", List.of(DemoFleet.tunnelId(i)));
            Map<String, List<String>> lineIds = i == 1
                    ? Map.of("wisla-speedtest", List.of(DemoFleet.lineId(i)), "snmp", List.of(DemoSnmpDevice.PING_TARGET))
                    : Map.of("wisla-speedtest", List.of(DemoFleet.lineId(i)));
            registry.putService(new Service(DemoFleet.vpnServiceId(i), customer, "vpn",
                    Map.of("availabilityPct", 99.9), vpnIds));
            registry.putService(new Service(DemoFleet.broadbandServiceId(i), customer, "broadband",
                    Map.of("downloadMbps", kind == 0 ? 1000.0 : 300.0), lineIds));
        }
        LOG.info("demo: seeded {} customers with {} services", DemoFleet.CUSTOMERS, 2 * DemoFleet.CUSTOMERS);
    }
}
