/**
 * Where the changes consumer keeps its position: its {@link OffsetStore} (the offsetRepository it was given, or the
 * default file store {@link AtomicFileStateRepository}, one per file in the component's
 * {@link DefaultOffsetRepositories}), the store shared over SQL ({@link JdbcStateRepository}), and who owns an offset key
 * while a stream runs ({@link OffsetOwnership}; a deposed owner's commit fails with {@link OffsetFencedException}).
 * <p>
 * May use {@code cdc} (its {@code PositionStore}) and {@code client}; nothing of the component's other packages.
 */
package io.github.camelarango.replication.offsets;
