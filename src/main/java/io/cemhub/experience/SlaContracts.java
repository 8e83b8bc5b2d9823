package io.cemhub.experience;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cemhub.config.ConfigYaml;
import io.cemhub.kpi.Kpi;
import io.cemhub.kpi.KpiCatalogue;
import org.springframework.core.env.PropertyResolver;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA contracts of config/sla.yaml: per tier the contracted value of each KPI and the credit rule;
 * service characteristics (availabilityPct, downloadMbps) and per-customer overrides refine them. Checked
 * at start: every KPI must be in the catalogue, every credit rule complete.
 */
public final class SlaContracts {

    /** A contracted value; the catalogue says which side is good. */
    public record Target(String metric, double value, boolean higherIsBetter) {
        public boolean met(double observed) {
            return higherIsBetter ? observed >= value : observed <= value;
        }

        /** How far the observed value misses the target, in % of the target (0 when met). */
        public double shortfallPercent(double observed) {
            return met(observed) || value == 0 ? 0 : Math.abs(observed - value) / Math.abs(value) * 100;
        }
    }

    /** Credit of a monthly breach: min(max, base + perPercent x shortfall %). */
    public record Credit(double base, double perPercent, double max) {
        public double amount(double shortfallPercent) {
            return Math.round(Math.min(max, base + perPercent * shortfallPercent) * 100) / 100.0;
        }
    }

    public record Tier(Map<String, Double> targets, Credit credit) {
    }

    public record Characteristic(String metric, Double factor) {
    }

    /** The file's shape. */
    public record File(Map<String, Tier> tiers, @JsonProperty("default-tier") String defaultTier, String currency,
                       Map<String, Characteristic> characteristics, Map<String, Map<String, Double>> customers,
                       List<String> monthly) {
    }

    private final File file;
    private final KpiCatalogue kpis;

    public SlaContracts(File file, KpiCatalogue kpis) {
        this.file = new File(file.tiers() == null ? Map.of() : file.tiers(), file.defaultTier(),
                file.currency() == null ? "EUR" : file.currency(),
                file.characteristics() == null ? Map.of() : file.characteristics(),
                file.customers() == null ? Map.of() : file.customers(), file.monthly() == null ? List.of() : file.monthly());
        this.kpis = kpis;
        validate();
    }

    public static SlaContracts load(InputStream in, String where, PropertyResolver environment, KpiCatalogue kpis) {
        File file = ConfigYaml.read(in, where, environment, File.class);
        return new SlaContracts(file == null ? new File(null, null, null, null, null, null) : file, kpis);
    }

    /** What a service of this customer is promised, by metric. */
    public Map<String, Target> targets(String tier, String customerId, Map<String, Double> characteristics) {
        Map<String, Double> values = new LinkedHashMap<>(tier(tier).map(Tier::targets).orElse(Map.of()));
        if (characteristics != null) {
            characteristics.forEach((name, value) -> {
                Characteristic c = file.characteristics().get(name);
                if (c != null && value != null) {
                    values.put(c.metric(), value * (c.factor() == null ? 1 : c.factor()));
                }
            });
        }
        values.putAll(file.customers().getOrDefault(customerId, Map.of()));
        Map<String, Target> targets = new LinkedHashMap<>();
        values.forEach((metric, value) -> targets.put(metric, new Target(metric, value, higher(metric))));
        return targets;
    }

    public Credit credit(String tier) {
        return tier(tier).map(Tier::credit).orElse(new Credit(0, 0, 0));
    }

    /** The tier whose targets and credit rule apply: the named one, or default-tier when it is not named. */
    public String effectiveTier(String name) {
        return name != null && file.tiers().containsKey(name) ? name : file.defaultTier();
    }

    public List<String> monthly() {
        return file.monthly();
    }

    public String currency() {
        return file.currency();
    }

    private java.util.Optional<Tier> tier(String name) {
        Tier t = name == null ? null : file.tiers().get(name);
        return java.util.Optional.ofNullable(t != null ? t : file.defaultTier() == null ? null : file.tiers().get(file.defaultTier()));
    }

    private boolean higher(String metric) {
        return kpis.find(metric).map(Kpi::higherIsBetter).orElse(true);
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        List<String> metrics = new ArrayList<>(file.monthly());
        file.tiers().forEach((name, tier) -> {
            if (tier.targets() != null) {
                metrics.addAll(tier.targets().keySet());
            }
            if (tier.credit() == null) {
                problems.add("tier " + name + " has no credit rule");
            }
        });
        file.characteristics().values().forEach(c -> metrics.add(c.metric()));
        file.customers().values().forEach(m -> metrics.addAll(m.keySet()));
        metrics.stream().distinct().filter(m -> kpis.find(m).isEmpty())
                .forEach(m -> problems.add("KPI " + m + " is not in the catalogue"));
        if (file.defaultTier() != null && !file.tiers().containsKey(file.defaultTier())) {
            problems.add("default-tier " + file.defaultTier() + " is no tier");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("sla.yaml: " + String.join("; ", problems));
        }
    }
}
