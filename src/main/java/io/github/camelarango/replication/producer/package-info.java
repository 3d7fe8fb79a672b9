/**
 * The producer's helpers: the request options ({@link ArangoReplicationProducerConfiguration}) and the applier
 * configuration options ({@link ArangoReplicationApplierConfiguration}), the handlers of the server calls grouped by
 * family ({@link OperationHandlers}), the reading of one message's request parameters ({@link RequestParameters},
 * {@link ApplierConfigReader}) and the writing of its result ({@link ResultWriter}), and the producer health check.
 * <p>
 * May use {@code client}, and from the component's package only its definitions: {@code ArangoReplicationConstants}
 * and {@code ArangoReplicationConfiguration}. The component's producer dispatches each message here.
 */
package io.github.camelarango.replication.producer;
