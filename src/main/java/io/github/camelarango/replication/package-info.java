/**
 * The {@code arango-replication} Camel component: what defines it and the classes the endpoint creates.
 * <ul>
 * <li>The definitions, which the role packages may use: {@link io.github.camelarango.replication.ArangoReplicationConstants}
 * (the message headers), {@link io.github.camelarango.replication.ArangoReplicationOperation} (what an endpoint
 * does) and {@link io.github.camelarango.replication.ArangoReplicationConfiguration} (the options every role reads:
 * connection, client identity, includeSystem).</li>
 * <li>The component, the endpoint, the client factory and the type converters.</li>
 * <li>The producer ({@code to(...)}) and the three consumers ({@code from(...)}: changes, dump, loggerState); their
 * helpers live in the packages of their role: {@code producer}, {@code consumer}, {@code offsets}.</li>
 * </ul>
 * Layers: this package and the role packages (Camel glue) use {@code cdc} (the change-capture engine) and
 * {@code client} (the replication HTTP client); those two never use Camel types nor the glue.
 */
package io.github.camelarango.replication;
