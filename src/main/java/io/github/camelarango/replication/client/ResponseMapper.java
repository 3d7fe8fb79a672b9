package io.github.camelarango.replication.client;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Jackson setup of the client: maps answers to result records, injecting the whole answer as their {@code raw}
 * component so that fields the records do not name are kept.
 */
final class ResponseMapper {

    /** Injection id of the {@code raw} component of result records. */
    static final String RAW = "io.github.camelarango.replication.client.raw";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    ObjectMapper mapper() {
        return mapper;
    }

    /** Maps a parsed answer to a result type, injecting it as {@code raw}. */
    <T> T map(JsonNode tree, Class<T> type) throws IOException {
        return mapper.readerFor(type).with(new InjectableValues.Std().addValue(RAW, tree)).readValue(tree);
    }

    byte[] write(Object value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }
}
