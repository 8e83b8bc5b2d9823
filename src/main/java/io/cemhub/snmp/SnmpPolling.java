package io.cemhub.snmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.model.CemRecord;
import io.cemhub.model.SourceRef;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One polling round (route {@code snmp-poll}): every target's interfaces are polled, rates are derived
 * from the previous poll ({@link InterfaceRates}), and the measurements net.if.util.in, net.if.util.out,
 * net.if.errors and net.if.oper go through the ingest gateway, one transaction per target. A target that
 * does not answer is counted ({@code cem.snmp.poll.failures{target}}) and keeps its baseline.
 */
public class SnmpPolling {

    private static final Logger LOG = LoggerFactory.getLogger(SnmpPolling.class);
    static final SourceRef ENTRY = new SourceRef("snmp", "snmp-poll");

    private final SnmpTargets targets;
    private final IfMibPoller poller;
    private final IngestGateway gateway;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Map<String, InterfaceSample> previous = new ConcurrentHashMap<>();

    public SnmpPolling(SnmpTargets targets, IfMibPoller poller, IngestGateway gateway, ObjectMapper mapper,
                       MeterRegistry meters) {
        this.targets = targets;
        this.poller = poller;
        this.gateway = gateway;
        this.mapper = mapper;
        this.meters = meters;
    }

    public SnmpTargets targets() {
        return targets;
    }

    /** Polls every target once; returns the number of measurements made durable. */
    public int pollAll() {
        int sent = 0;
        for (SnmpTargets.Target target : targets.targets()) {
            try {
                sent += pollOne(target);
            } catch (IOException | JMSException | RuntimeException e) {
                meters.counter("cem.snmp.poll.failures", "target", target.name()).increment();
                LOG.warn("SNMP poll of {} failed: {}", target.name(), e.getMessage());
            }
        }
        return sent;
    }

    private int pollOne(SnmpTargets.Target target) throws IOException, JMSException {
        Map<Integer, InterfaceSample> samples = poller.poll(target);
        ArrayNode records = mapper.createArrayNode();
        for (SnmpTargets.Interface i : target.interfaces()) {
            InterfaceSample now = samples.get(i.ifIndex());
            String key = target.name() + "/" + i.ifIndex();
            InterfaceSample before = previous.put(key, now);
            addMeasurements(records, target, i, before, now);
        }
        if (records.isEmpty()) {
            return 0;
        }
        List<CemRecord> valid = gateway.validate(ENTRY, records, false);
        gateway.submit(ENTRY, valid, null);
        meters.counter("cem.snmp.poll.measurements").increment(valid.size());
        return valid.size();
    }

    void addMeasurements(ArrayNode out, SnmpTargets.Target target, SnmpTargets.Interface i, InterfaceSample before,
                         InterfaceSample now) {
        String service = target.serviceOf(i);
        add(out, target, i, service, now, "net.if.oper", InterfaceRates.operState(now.operStatus()));
        OptionalDouble seconds = InterfaceRates.interval(before, now);
        if (seconds.isEmpty()) {
            return; // first poll or the agent restarted: this poll is the new baseline
        }
        double s = seconds.getAsDouble();
        InterfaceRates.utilisation(before.inOctets(), now.inOctets(), s, now.highSpeedMbps())
                .ifPresent(v -> add(out, target, i, service, now, "net.if.util.in", v));
        InterfaceRates.utilisation(before.outOctets(), now.outOctets(), s, now.highSpeedMbps())
                .ifPresent(v -> add(out, target, i, service, now, "net.if.util.out", v));
        InterfaceRates.errorRate(before.inErrors(), now.inErrors(), s, now.highSpeedMbps())
                .ifPresent(v -> add(out, target, i, service, now, "net.if.errors", v));
    }

    private void add(ArrayNode out, SnmpTargets.Target target, SnmpTargets.Interface i, String service,
                     InterfaceSample now, String metric, double value) {
        ObjectNode m = out.addObject();
        m.put("id", String.join("/", "snmp-poll", target.name(), String.valueOf(i.ifIndex()), metric,
                String.valueOf(now.polledAt().toEpochMilli())));
        m.putObject("source").put("system", ENTRY.system()).put("adapter", ENTRY.adapter());
        m.put("serviceId", service);
        m.put("metric", metric);
        m.put("value", Math.round(value * 1000.0) / 1000.0);
        m.put("observedAt", now.polledAt().toString());
        ObjectNode c = m.putObject("characteristics");
        c.put("device", target.address());
        c.put("target", target.name());
        c.put("ifIndex", i.ifIndex());
        c.put("ifOperStatus", now.operStatus());
        c.put("ifHighSpeedMbps", now.highSpeedMbps());
    }
}
