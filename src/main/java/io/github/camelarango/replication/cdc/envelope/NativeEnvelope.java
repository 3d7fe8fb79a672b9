package io.github.camelarango.replication.cdc.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;

/**
 * The native body of a change: what ArangoDB itself says, without wrapping. The event's other fields (type, tick,
 * collection, transaction…) travel beside it, as message headers on the Camel side.
 * <ul>
 * <li>snapshot rows and upserts: the full document ({@code _key}, {@code _id}, {@code _rev}, attributes);</li>
 * <li>deletes: {@code {"_key":…,"_rev":…}} — the removed key and revision (the WAL has no before-image);</li>
 * <li>schema changes: the marker's {@code data} (collection/index/view definition, new name…), empty when the
 * marker has none (drops);</li>
 * <li>gaps: {@code {"lostAfterTick","resumedAfterTick","reason"}};</li>
 * <li>unknown markers: the whole marker as the server sent it.</li>
 * </ul>
 */
public final class NativeEnvelope {

    private NativeEnvelope() {
    }

    /** The native body of the event. */
    public static JsonNode body(ChangeEvent event) {
        if (event.type() == ChangeType.DELETE) {
            ObjectNode removed = JsonNodeFactory.instance.objectNode();
            removed.put("_key", event.key());
            removed.put("_rev", event.rev());
            return removed;
        }
        return event.data();
    }
}
