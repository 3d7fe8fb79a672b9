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
 * Where the changes consumer keeps its position: its {@link OffsetStore} (the offsetRepository it was given, or the
 * default file store {@link AtomicFileStateRepository}, one per file in the component's
 * {@link DefaultOffsetRepositories}), the store shared over SQL ({@link JdbcStateRepository}), and who owns an offset key
 * while a stream runs ({@link OffsetOwnership}; a deposed owner's commit fails with {@link OffsetFencedException}).
 * <p>
 * May use {@code cdc} (its {@code PositionStore}) and {@code client}; nothing of the component's other packages.
 */
package io.github.camelarango.replication.offsets;
