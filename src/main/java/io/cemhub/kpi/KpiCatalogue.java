package io.cemhub.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metrics the hub knows (config/kpis.yaml). A measurement of a metric that is not here is invalid:
 * thresholds, reports and the experience index all need to know a metric's unit and direction.
 */
public final class KpiCatalogue {

    private static final Set<String> DIRECTIONS = Set.of("higher", "lower");

    private final Map<String, Kpi> byName;

    public KpiCatalogue(Collection<Kpi> kpis) {
        Map<String, Kpi> map = new LinkedHashMap<>();
        for (Kpi kpi : kpis) {
            if (kpi.name() == null || kpi.name().isBlank() || kpi.unit() == null || kpi.unit().isBlank()) {
                throw new IllegalArgumentException("KPI catalogue entry needs a name and a unit: " + kpi);
            }
            if (!DIRECTIONS.contains(kpi.better())) {
                throw new IllegalArgumentException("KPI " + kpi.name() + ": 'better' must be higher or lower, not "
                        + kpi.better());
            }
            if (map.put(kpi.name(), kpi) != null) {
                throw new IllegalArgumentException("KPI " + kpi.name() + " is declared twice");
            }
        }
        this.byName = Map.copyOf(map);
    }

    public static KpiCatalogue load(InputStream yaml, String origin) {
        try (yaml) {
            File file = new ObjectMapper(new YAMLFactory()).readValue(yaml, File.class);
            if (file.kpis() == null || file.kpis().isEmpty()) {
                throw new IllegalArgumentException("KPI catalogue " + origin + " has no 'kpis' entries");
            }
            return new KpiCatalogue(file.kpis());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read KPI catalogue " + origin + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KPI catalogue " + origin + ": " + e.getMessage(), e);
        }
    }

    public Optional<Kpi> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Collection<Kpi> all() {
        return byName.values();
    }

    private record File(List<Kpi> kpis) {
    }
}
