package io.github.camelarango.replication.cdc;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.Ticks;

/**
 * One change delivered by a {@link ChangeStream}: a snapshot row, a document upsert or delete, a schema change, or a
 * declared gap.
 *
 * @param tick          the WAL tick of the marker (unsigned 64-bit; use {@link #tickString()}); for snapshot rows the
 *                      snapshot tick; for a gap the tick the stream resumed from
 * @param type          what happened
 * @param markerType    the WAL marker type (2300, 2302, 2000…), 0 for snapshot rows and gaps
 * @param database      the database name
 * @param collection    the collection (or view) name, resolved from the marker's {@code cuid}; null when the change
 *                      concerns no collection or the name could not be resolved
 * @param cuid          the collection's globally unique id, null when not applicable or unknown (snapshot rows carry
 *                      it from the inventory)
 * @param key           the document {@code _key} for document changes, else null
 * @param rev           the document {@code _rev} (for deletes: the revision removed), else null
 * @param transactionId the WAL transaction id of a multi-document transaction, null for standalone operations
 * @param snapshot      true for rows read by the snapshot
 * @param data          the document (snapshot, upsert), {@code {_key,_rev}} (delete), the marker's {@code data}
 *                      (schema changes) or a description of the gap; never null (an empty object when absent)
 * @param position      the position to {@link ChangeStream#commit commit} once this event was delivered; inside a
 *                      transaction, every event but the last carries the position before the transaction
 */
public record ChangeEvent(long tick, ChangeType type, int markerType, String database, String collection, String cuid,
                          String key, String rev, String transactionId, boolean snapshot, JsonNode data,
                          ChangePosition position) {

    public ChangeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(position, "position");
    }

    /** The tick as the unsigned decimal text ArangoDB uses. */
    public String tickString() {
        return Ticks.format(tick);
    }

    /** This event carrying another commit position (used when a transaction's events are released). */
    public ChangeEvent withPosition(ChangePosition newPosition) {
        return new ChangeEvent(tick, type, markerType, database, collection, cuid, key, rev, transactionId, snapshot,
                data, newPosition);
    }

    @Override
    public String toString() {
        return "ChangeEvent[" + type + " tick=" + tickString() + " db=" + database + " collection=" + collection
                + (key != null ? " key=" + key : "") + (rev != null ? " rev=" + rev : "")
                + (transactionId != null ? " tid=" + transactionId : "") + " position=" + position + "]";
    }
}
