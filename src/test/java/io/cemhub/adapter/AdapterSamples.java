package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestProperties;
import io.cemhub.ingest.Partitioner;
import io.cemhub.support.TestRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The adapters' files as tests see them, and an adapter pipeline on the real catalogue, without a hub. */
final class AdapterSamples {

    static final Path ADAPTERS = Path.of("adapters");
    static final Path MAPPINGS = Path.of("mappings");
    static final Path ROUTES = Path.of("routes");

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

    /** The mapping's output for every item of a sample, in order: what *.expected.json holds. */
    static ArrayNode mapped(Path mappings, String adapter, Path sample) throws IOException {
        MappingRegistry registry = registry(mappings, adapter);
        String format = formatOf(sample);
        ArrayNode all = TestRecords.JSON.createArrayNode();
        for (InputItem item : new InputParsers(TestRecords.JSON).parse(format, Files.readAllBytes(sample), ",")) {
            JsonNode out = registry.map(AdapterPipeline.mappingFor(adapter, format), item.value());
            if (out.isArray()) {
                all.addAll((ArrayNode) out);
            } else {
                all.add(out);
            }
        }
        return all;
    }
}
