package io.github.camelarango.replication;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.consumer.ChangeMessages;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The native body's Map is the same, value for value and type for type, as Jackson's convertValue gave. */
class ChangesMessageBodyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void documentBecomesTheSameMapAsConvertValue() throws Exception {
        JsonNode document = MAPPER.readTree("{\"_key\":\"k1\",\"_rev\":\"_h1\",\"int\":42,\"long\":9223372036854775807,"
                + "\"big\":18446744073709551615,\"double\":1.5,\"exp\":1e300,\"t\":true,\"f\":false,\"nil\":null,"
                + "\"text\":\"a\\\"b\\u00e9\",\"address\":{\"city\":\"Köln\",\"zip\":[50667,null,{\"x\":[]}]},"
                + "\"orders\":[{\"id\":1,\"total\":9.99},{\"id\":2,\"total\":-0.0}],\"empty\":{}}");

        Object map = ChangeMessages.toMap(document);

        assertEquals(MAPPER.convertValue(document, Object.class), map);
        Map<?, ?> body = assertInstanceOf(Map.class, map);
        assertEquals(List.copyOf(((Map<?, ?>) MAPPER.convertValue(document, Object.class)).keySet()),
                List.copyOf(body.keySet()), "document order kept");
        assertEquals(Integer.class, body.get("int").getClass());
        assertEquals(Long.class, body.get("long").getClass());
        assertEquals(java.math.BigInteger.class, body.get("big").getClass());
        assertEquals(Double.class, body.get("double").getClass());
        assertNull(body.get("nil"));
        assertEquals(java.util.Arrays.asList(50667, null, Map.of("x", List.of())),
                ((Map<?, ?>) body.get("address")).get("zip"));
    }

    @Test
    void nonObjectValuesBecomeTheirJavaValue() throws Exception {
        for (String json : List.of("\"text\"", "7", "2.25", "true", "null", "[1,\"a\",[2]]")) {
            JsonNode node = MAPPER.readTree(json);
            assertEquals(MAPPER.convertValue(node, Object.class), ChangeMessages.toMap(node), json);
        }
    }
}
