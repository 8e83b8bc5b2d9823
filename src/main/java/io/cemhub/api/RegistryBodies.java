package io.cemhub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.ingest.RecordError;
import io.cemhub.ingest.SchemaCheck;

import java.util.List;

/**
 * Reads customer and service bodies: checked against their JSON Schemas (the same files that document
 * them), and the id in the body must be the id in the URL (it may be left out of the body).
 */
public class RegistryBodies {

    private final ObjectMapper mapper;
    private final SchemaCheck customerSchema = SchemaCheck.load("customer.schema.json");
    private final SchemaCheck serviceSchema = SchemaCheck.load("service.schema.json");

    public RegistryBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T customer(JsonNode body, String pathId, Class<T> type) {
        return read(customerSchema, body, pathId, type);
    }

    public <T> T service(JsonNode body, String pathId, Class<T> type) {
        return read(serviceSchema, body, pathId, type);
    }

    private <T> T read(SchemaCheck schema, JsonNode body, String pathId, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidBodyException("the body must be a JSON object", List.of());
        }
        if (pathId != null) {
            JsonNode id = body.get("id");
            if (id != null && !pathId.equals(id.asText())) {
                throw new InvalidBodyException("the body's id '" + id.asText() + "' differs from the URL's '"
                        + pathId + "'", List.of(new RecordError(0, "id", "must equal the id in the URL")));
            }
            ((ObjectNode) body).put("id", pathId);
        }
        List<RecordError> errors = schema.check(0, body);
        if (!errors.isEmpty()) {
            throw new InvalidBodyException("the body does not match " + schema.name(), errors);
        }
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidBodyException("the body cannot be read: " + e.getOriginalMessage(), List.of());
        }
    }
}
