package io.github.camelarango.replication.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a wal/tail answer.
 *
 * @param tick the marker tick (unsigned)
 * @param type the numeric marker type, see {@link MarkerType}; -1 when the line has none or one that is not a JSON
 *             integer
 * @param db   database name
 * @param cuid collection/view globallyUniqueId, null for database and transaction markers
 * @param tid  transaction id ({@code "0"} for standalone operations), null when absent
 * @param data the payload (document, collection definition…), null when absent
 * @param raw  the whole line as sent
 */
public record WalMarker(long tick, int type, String db, String cuid, String tid, JsonNode data, JsonNode raw) {

    /**
     * Reads a marker from a parsed line.
     *
     * @throws IllegalArgumentException when the line is not an object or its tick is not an unsigned number
     */
    public static WalMarker of(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("WAL marker must be a JSON object, was " + line);
        }
        return new WalMarker(Ticks.parse(line.path("tick").asText(null)), type(line.get("type")), text(line, "db"),
                text(line, "cuid"), text(line, "tid"), line.get("data"), line);
    }

    /** A JSON integer's value; -1 ({@link MarkerType#UNKNOWN}) when absent or not an integer (a text "2300" too). */
    private static int type(JsonNode type) {
        return type != null && type.isIntegralNumber() && type.canConvertToInt() ? type.intValue()
                : MarkerType.UNKNOWN.code();
    }

    /** The marker type. */
    public MarkerType markerType() {
        return MarkerType.fromCode(type);
    }

    /** Whether the marker belongs to a multi-document transaction (tid present and not "0"). */
    public boolean inTransaction() {
        return tid != null && !tid.isEmpty() && !"0".equals(tid);
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "WalMarker[tick=" + Ticks.format(tick) + ", type=" + type + ", db=" + db + ", cuid=" + cuid + ", tid="
               + tid + "]";
    }
}
