package io.github.camelarango.replication.client;

/**
 * A replication client registered at the server (logger-state {@code clients[]}).
 *
 * @param syncerId       syncer id
 * @param serverId       server id ({@code ""} or {@code "0"} if none)
 * @param clientInfo     free text
 * @param time           last contact
 * @param expires        expiry time
 * @param lastServedTick last tick served to this client
 */
public record RegisteredClient(String syncerId, String serverId, String clientInfo, String time, String expires,
        @UnsignedTick Long lastServedTick) {
}
