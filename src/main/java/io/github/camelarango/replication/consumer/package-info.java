/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
