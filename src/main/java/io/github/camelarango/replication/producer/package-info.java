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
 * The producer's helpers: the request options ({@link ArangoReplicationProducerConfiguration}) and the applier
 * configuration options ({@link ArangoReplicationApplierConfiguration}), the handlers of the server calls grouped by
 * family ({@link OperationHandlers}), the reading of one message's request parameters ({@link RequestParameters},
 * {@link ApplierConfigReader}) and the writing of its result ({@link ResultWriter}), and the producer health check.
 * <p>
 * May use {@code client}, and from the component's package only its definitions: {@code ArangoReplicationConstants}
 * and {@code ArangoReplicationConfiguration}. The component's producer dispatches each message here.
 */
package io.github.camelarango.replication.producer;
