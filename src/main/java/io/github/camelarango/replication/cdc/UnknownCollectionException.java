package io.github.camelarango.replication.cdc;

/**
 * The collection named in a tail's server-side {@code collection=} filter is unknown to the server (404, errorNum
 * 1203): it was dropped or renamed since the stream started.
 */
public class UnknownCollectionException extends ChangeStreamException {

    public UnknownCollectionException(String collection, Throwable cause) {
        super("collection '" + collection + "' is unknown to the server (dropped or renamed?)", cause);
    }
}
