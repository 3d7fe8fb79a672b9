package io.github.camelarango.replication;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.Json;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Converts the result records of the replication client (package {@code …replication.client}) to JSON text, to a
 * {@code Map} and to an {@code InputStream} of JSON. A record that kept the server's JSON answer (a {@code raw}
 * component) converts to exactly that answer; other records are written by Jackson with their wire names.
 */
@Converter(generateLoader = true)
public final class ArangoReplicationTypeConverters {

    private static final String CLIENT_PACKAGE = "io.github.camelarango.replication.client";

    private ArangoReplicationTypeConverters() {
    }

    /**
     * Camel fallback converter: handles only records of the client package and only the targets String, Map and
     * InputStream; returns null for everything else so other converters get their turn.
     */
    @Converter(fallback = true)
    public static <T> T convertTo(Class<T> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (value == null || !isClientRecord(value.getClass())) {
            return null;
        }
        if (type == String.class) {
            return type.cast(toJson(value).toString());
        }
        if (type == Map.class) {
            return type.cast(Json.mapper().convertValue(toJson(value), Map.class));
        }
        if (type == InputStream.class) {
            return type.cast(new ByteArrayInputStream(toJson(value).toString().getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static boolean isClientRecord(Class<?> type) {
        return type.isRecord() && CLIENT_PACKAGE.equals(type.getPackageName());
    }

    /** The server's own JSON when the record kept it, otherwise the record written by Jackson. */
    private static JsonNode toJson(Object record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if ("raw".equals(component.getName()) && JsonNode.class.isAssignableFrom(component.getType())) {
                JsonNode raw = (JsonNode) invoke(component, record);
                if (raw != null && !raw.isMissingNode() && !raw.isNull()) {
                    return raw;
                }
            }
        }
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(record, JsonNode.class, e);
        }
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new TypeConversionException(record, JsonNode.class, e);
        }
    }
}
