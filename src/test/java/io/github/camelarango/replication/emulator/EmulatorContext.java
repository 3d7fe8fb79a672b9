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
