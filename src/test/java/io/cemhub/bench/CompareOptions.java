package io.cemhub.bench;

import java.net.URI;

/** Options of {@link CompareDriver}; bench/compare.sh sets them. */
final class CompareOptions {

    String contestant = "hub";
    URI url = URI.create("http://127.0.0.1:18080");
    String path = "/api/v1/measurements";
    long pid;
    /** Where transitions arrive: the hub's cem.events (alarm events among them), or the sink broker's address. */
    String topicBroker = "tcp://127.0.0.1:18091";
    String topic = "cem.bench.alarms";
    boolean hubEvents;
    URI webhookCounter = URI.create("http://127.0.0.1:18083");
    long seed = 20261123L;
    int customers = 100_000;
    int batch = 100;
    int connections = 8;
    int warmupSeconds = 60;
    int runs = 3;
    int runSeconds = 60;
    int openSeconds = 60;
    /** Node-RED's median events/s: open-loop rates are 25/50/75 % of it; 0 = of this contestant's own. */
    double peerMax;
    int maxInflightRecords = 20_000;
    int drainSeconds = 180;
    int maxBatches = 150_000;
    String label = "";

    static CompareOptions parse(String[] args) {
        CompareOptions o = new CompareOptions();
        for (int i = 0; i < args.length; i += 2) {
            String k = args[i];
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (k) {
                case "--contestant" -> o.contestant = v;
                case "--url" -> o.url = URI.create(v);
                case "--path" -> o.path = v;
                case "--pid" -> o.pid = Long.parseLong(v);
                case "--topic-broker" -> o.topicBroker = v;
                case "--topic" -> o.topic = v;
                case "--hub-events" -> o.hubEvents = Boolean.parseBoolean(v);
                case "--webhook-counter" -> o.webhookCounter = URI.create(v);
                case "--seed" -> o.seed = Long.parseLong(v);
                case "--customers" -> o.customers = Integer.parseInt(v);
                case "--batch" -> o.batch = Integer.parseInt(v);
                case "--connections" -> o.connections = Integer.parseInt(v);
                case "--warmup-seconds" -> o.warmupSeconds = Integer.parseInt(v);
                case "--runs" -> o.runs = Integer.parseInt(v);
                case "--run-seconds" -> o.runSeconds = Integer.parseInt(v);
                case "--open-seconds" -> o.openSeconds = Integer.parseInt(v);
                case "--peer-max" -> o.peerMax = Double.parseDouble(v);
                case "--max-inflight" -> o.maxInflightRecords = Integer.parseInt(v);
                case "--drain-seconds" -> o.drainSeconds = Integer.parseInt(v);
                case "--max-batches" -> o.maxBatches = Integer.parseInt(v);
                case "--label" -> o.label = v;
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        return o;
    }
}
