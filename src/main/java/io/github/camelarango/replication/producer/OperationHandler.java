package io.github.camelarango.replication.producer;

import io.github.camelarango.replication.client.ArangoReplicationClient;

/**
 * Runs one replication operation for one message: reads its parameters, calls the client, and writes the result
 * into the message body and headers.
 */
@FunctionalInterface
public interface OperationHandler {

    void handle(ArangoReplicationClient client, RequestParameters request, ResultWriter result) throws Exception;
}
