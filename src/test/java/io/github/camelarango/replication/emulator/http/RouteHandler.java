package io.github.camelarango.replication.emulator.http;

import io.github.camelarango.replication.emulator.model.Database;

/** Handles the requests of one API area, in the context of the (existing) database of the URL prefix. */
@FunctionalInterface
public interface RouteHandler {
    HttpResponse handle(HttpRequest request, Database database);
}
