package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestProperties;
import io.cemhub.ingest.Partitioner;
import io.cemhub.support.TestRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The adapters' files as tests see them, and an adapter pipeline on the real catalogue, without a hub. */
final class AdapterSamples {

    static final Path ADAPTERS = Path.of("adapters");
    static final Path MAPPINGS = Path.of("mappings");
    static final Path ROUTES = Path.of("routes");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([^.}]+)}}");

    private AdapterSamples() {
    }

    /**
     * The Kamelet adapters' folders. A folder with a WSDL is a SOAP adapter served by Java (adapters/crm:
     * contract, README and golden SOAP samples, checked by CrmSoapSamplesTest), not a Kamelet.
     */
    static List<Path> adapterFolders(Path adapters) {
        try (Stream<Path> folders = Files.list(adapters)) {
            return folders.filter(Files::isDirectory).filter(f -> !isSoapAdapter(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isSoapAdapter(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".wsdl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sample files of one adapter whose name contains {@code kind} ("input" or "poison"). */
    static List<Path> samples(Path adapterFolder, String kind) {
        Path folder = adapterFolder.resolve("samples");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains("." + kind + ".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formatOf(Path sample) {
        String name = sample.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    static AdapterPipeline pipeline(Path mappings, String adapter) {
        IngestGateway gateway = new IngestGateway(TestRecords.validator(), new Partitioner(16), null,
                new IngestProperties(), new SimpleMeterRegistry());
        return new AdapterPipeline(new InputParsers(TestRecords.JSON), registry(mappings, adapter), gateway);
    }

    /**
     * The mappings, with {@code $contracted} answered from {@code samples/contracted.json} of the adapter
     * ({@code {system: {serviceId: {name: value}}}}), which stands in for the registry.
     */
    static MappingRegistry registry(Path mappings, String adapter) {
        Path file = ADAPTERS.resolve(adapter).resolve("samples/contracted.json");
        if (!Files.isRegularFile(file)) {
            return new MappingRegistry(mappings, TestRecords.JSON);
        }
        try {
            JsonNode registry = TestRecords.JSON.readTree(file.toFile());
            return new MappingRegistry(mappings, TestRecords.JSON, (system, serviceId, name) -> {
                JsonNode value = registry.path(system).path(serviceId).path(name);
                return value.isNumber() ? value.asDouble() : null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the adapter reads input with its Kamelet's defaults: the {@code cemCsvDelimiter},
     * {@code cemCsvColumns} and {@code cemParam_*} properties its template sets, with every {@code {{param}}}
     * replaced by the parameter's default. So samples are read exactly as a route without overrides reads.
     */
    static InputOptions options(String adapter) throws IOException {
        JsonNode kamelet = YAML.readTree(ADAPTERS.resolve(adapter).resolve(adapter + ".kamelet.yaml").toFile());
        JsonNode parameters = kamelet.path("spec").path("definition").path("properties");
        String delimiter = ",";
        String columns = null;
        Map<String, String> mappingParameters = new HashMap<>();
        for (JsonNode step : kamelet.path("spec").path("template").path("from").path("steps")) {
            JsonNode property = step.path("setProperty");
            String name = property.path("name").asText();
            Matcher placeholder = PARAMETER.matcher(property.path("constant").asText());
            StringBuilder value = new StringBuilder();
            while (placeholder.find()) {
                placeholder.appendReplacement(value, Matcher.quoteReplacement(
                        parameters.path(placeholder.group(1)).path("default").asText()));
            }
            placeholder.appendTail(value);
            if (AdapterExchange.CSV_DELIMITER.equals(name)) {
                delimiter = value.toString();
            } else if (AdapterExchange.CSV_COLUMNS.equals(name)) {
                columns = value.toString();
            } else if (name.startsWith(AdapterExchange.PARAMETER_PREFIX)) {
                mappingParameters.put(name.substring(AdapterExchange.PARAMETER_PREFIX.length()), value.toString());
            }
        }
        return new InputOptions(delimiter, InputOptions.columns(columns), mappingParameters);
    }

    /**
     * The mapping's output for every item of a sample, in order, then the batch mapping's output for all
     * of them (when the adapter has one): what *.expected.json holds.
     */
    static ArrayNode mapped(Path mappings, String adapter, Path sample) throws IOException {
        MappingRegistry registry = registry(mappings, adapter);
        String format = formatOf(sample);
        InputOptions options = options(adapter);
        byte[] payload = Files.readAllBytes(sample);
        ArrayNode all = TestRecords.JSON.createArrayNode();
        List<JsonNode> rows = new ArrayList<>();
        for (InputItem item : new InputParsers(TestRecords.JSON).parse(format, payload, options)) {
            add(all, registry.map(AdapterPipeline.mappingFor(adapter, format), item.value()));
            rows.add(item.value());
        }
        String batchMapping = AdapterPipeline.batchMappingFor(adapter, format);
        if (registry.exists(batchMapping)) {
            add(all, registry.map(batchMapping, pipeline(mappings, adapter).batchInput(payload, options, rows)));
        }
        return all;
    }

    private static void add(ArrayNode all, JsonNode out) {
        if (out.isArray()) {
            all.addAll((ArrayNode) out);
        } else {
            all.add(out);
        }
    }
}
