package io.github.camelarango.replication;

import io.github.camelarango.replication.client.ArangoReplicationClient;

/**
 * Runs one replication operation for one message: reads its parameters, calls the client, and puts the result into
 * the message body and headers.
 */
@FunctionalInterface
interface OperationHandler {

    void handle(ArangoReplicationClient client, MessageParameters parameters) throws Exception;
}
