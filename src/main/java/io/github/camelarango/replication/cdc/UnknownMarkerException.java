package io.github.camelarango.replication.cdc;

import io.github.camelarango.replication.client.Ticks;

/** The stream met a write-ahead log marker it does not know and {@link UnknownMarkerPolicy#FAIL} stopped it. */
public class UnknownMarkerException extends ChangeStreamException {

    UnknownMarkerException(String streamKey, long tick, String type, String database, String marker) {
        super("Change stream '" + streamKey + "' met a write-ahead log marker it does not know at tick "
                + Ticks.format(tick) + " of database '" + database + "': " + type + " (" + marker + "). It stops "
                + "rather than pass it silently (unknownMarkerPolicy FAIL); the position stays right before it. To "
                + "continue past it, set unknownMarkerPolicy=SKIP (skip such markers, with a WARN line and the "
                + "unknownMarkers count) or unknownMarkerPolicy=DELIVER (deliver them as UNKNOWN events carrying the "
                + "marker), and restart.");
    }
}
