package io.cemhub.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of /actuator/prometheus, parsed: each sample line as {@code name{labels}} and its value.
 * Labels are kept as the hub wrote them (sorted by name, as Micrometer writes them).
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+).*$");

    private final Map<String, Double> samples = new LinkedHashMap<>();

    private Scrape(String text) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.valueOf(m.group(3)));
            }
        }
    }

    public static Scrape of(Http http) {
        Http.Response answer = http.get("/actuator/prometheus");
        if (answer.status() != 200) {
            throw new IllegalStateException("scrape failed: " + answer);
        }
        return new Scrape(answer.raw().body());
    }

    /** Every metric name (sample names, so a histogram shows its _bucket, _count, _sum). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.keySet().forEach(k -> names.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
        return names;
    }

    /**
     * The value of the sample with this name and these labels among its own ({@code "adapter", "wisla-vpn"}),
     * summed when several samples match; 0 when none does (a counter not yet incremented).
     */
    public double value(String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (matches(e.getKey(), name, labels)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Whether a sample with this name and these labels exists. */
    public boolean has(String name, String... labels) {
        return samples.keySet().stream().anyMatch(k -> matches(k, name, labels));
    }

    private static boolean matches(String key, String name, String... labels) {
        if (!key.equals(name) && !key.startsWith(name + "{")) {
            return false;
        }
        for (int i = 0; i + 1 < labels.length; i += 2) {
            String label = labels[i] + "=\"" + labels[i + 1] + "\"";
            if (!key.contains("{" + label) && !key.contains("," + label)) {
                return false;
            }
        }
        return true;
    }
}
