package io.github.camelarango.replication.emulator.replication;

import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;

/** The {@code collection} query parameter, looked up in the request's database the way the replication APIs do. */
final class CollectionParam {

    private CollectionParam() {
    }

    /**
     * A collection the request must name ({@code keys}, {@code revisions}): absent or empty is 400 "invalid collection
     * parameter", an unknown name is 404 collection not found.
     */
    static Collection required(HttpRequest request, Database database) {
        String name = request.param("collection");
        if (name == null || name.isEmpty()) {
            throw ArangoException.badParameter("invalid collection parameter");
        }
        return existing(database, name);
    }

    /**
     * A collection filter the request may name ({@code wal/tail}, {@code logger-follow}): absent or empty is no
     * filter ({@code null}), an unknown name is 404 collection not found.
     */
    static Collection optional(HttpRequest request, Database database) {
        String name = request.param("collection");
        return name == null || name.isEmpty() ? null : existing(database, name);
    }

    private static Collection existing(Database database, String name) {
        Collection c = database.collection(name);
        if (c == null) {
            throw ArangoException.collectionNotFound(name);
        }
        return c;
    }
}
