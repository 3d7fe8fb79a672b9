/**
 * The consumers' helpers: the consumer options ({@link ArangoReplicationConsumerConfiguration}) and their mapping to
 * the engine's options ({@link EngineOptions}), the changes consumer's offset key ({@link OffsetKey}), the writing
 * of a change into a message ({@link ChangeMessages}), the delivery rule ({@link DeliveryRule}) and the Error a poll
 * passes on ({@link ErrorDuringPollException}), the consumers' default exception handler ({@link FailureLog}), the
 * changes consumer's status ({@link ConsumerStatus}) with its health check, dev console and Micrometer meters
 * ({@link ConsumerMeters}, optional).
 * <p>
 * May use {@code cdc} and {@code client}, and from the component's package only its definitions
 * ({@code ArangoReplicationConstants}). The component's consumers use this package.
 */
package io.github.camelarango.replication.consumer;
