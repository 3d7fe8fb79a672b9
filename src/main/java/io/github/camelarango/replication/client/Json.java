package io.github.camelarango.replication.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one configured Jackson {@link ObjectMapper} of the project (client, engine and component): unknown properties
 * and nulls for primitives are tolerated (the server adds fields between versions), empty beans serialise. Shared and
 * thread-safe; never reconfigure it — derive an {@code ObjectReader} or {@code ObjectWriter} for special needs.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private Json() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
