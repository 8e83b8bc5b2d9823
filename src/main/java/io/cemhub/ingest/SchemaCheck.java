package io.cemhub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One of the canonical model's JSON Schemas (src/main/resources/schema/), compiled once. Turns the
 * library's messages into {@link RecordError}s that name the field relative to the record.
 */
public final class SchemaCheck {

    private final String name;
    private final JsonSchema schema;

    private SchemaCheck(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    public static SchemaCheck load(String resourceName) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        String path = "schema/" + resourceName;
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Schema " + path + " is missing from the classpath");
            }
            return new SchemaCheck(resourceName,
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + path, e);
        }
    }

    public String name() {
        return name;
    }

    /** The problems of one record, sorted by field so that answers are stable; empty when it conforms. */
    public List<RecordError> check(int index, JsonNode record) {
        var messages = schema.validate(record);
        if (messages.isEmpty()) {
            return List.of();
        }
        List<RecordError> errors = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            errors.add(new RecordError(index, field(m), reason(m)));
        }
        errors.sort(Comparator.comparing(RecordError::field).thenComparing(RecordError::reason));
        return errors;
    }

    private static String field(ValidationMessage m) {
        // The library writes JSON pointers ("/source/system"); callers read dotted paths ("source.system").
        String location = m.getInstanceLocation().toString();
        String field = location.startsWith("$") ? location.substring(1) : location;
        field = field.replace('/', '.');
        if (field.startsWith(".")) {
            field = field.substring(1);
        }
        if (("required".equals(m.getType()) || "additionalProperties".equals(m.getType())) && m.getProperty() != null) {
            field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
        }
        return field;
    }

    private static String reason(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        boolean located = colon > 0 && (text.startsWith("$") || text.startsWith("/"));
        return located ? text.substring(colon + 2) : text;
    }
}
