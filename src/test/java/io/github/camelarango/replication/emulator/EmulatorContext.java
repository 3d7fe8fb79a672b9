package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.auth.Authenticator;
import io.github.camelarango.replication.emulator.docapi.StreamTransactions;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.replication.Appliers;
import io.github.camelarango.replication.emulator.replication.Batches;
import io.github.camelarango.replication.emulator.replication.ReplicationClients;

/**
 * Everything the request handlers share: data, clock, personality, role and the server-side registries. Internal:
 * public only for the handlers in the sub-packages, not part of the test kit's API.
 */
public record EmulatorContext(Server server, EmulatorClock clock, Personality personality, EmulatorRole role,
                              Authenticator auth, Batches batches, ReplicationClients clients,
                              StreamTransactions transactions, Appliers appliers) {

    public boolean isCoordinator() {
        return role == EmulatorRole.COORDINATOR;
    }
}
