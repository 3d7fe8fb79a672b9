/**
 * Where the changes consumer keeps its position when no offsetRepository is given: the default file store
 * ({@link AtomicFileStateRepository}) and the component's registry of one store per file
 * ({@link DefaultOffsetRepositories}).
 * <p>
 * May use {@code cdc} (its {@code PositionStore}) and {@code client}; nothing of the component's other packages.
 */
package io.github.camelarango.replication.offsets;
