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
package io.github.camelarango.replication.emulator.selftest;

import io.github.camelarango.replication.emulator.ArangoEmulatorClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cluster extension starts one cluster for the test class. */
class ClusterExtensionIT {

    @RegisterExtension
    static final ArangoEmulatorClusterExtension CLUSTER = ArangoEmulatorClusterExtension.create(b -> b.dbServers(2));

    @Test
    void theClassHasARunningClusterOfTheCustomizedSize() {
        assertEquals(2, CLUSTER.cluster().dbServerIds().size());
        RawHttp coordinator = new RawHttp(CLUSTER.cluster().coordinator().url());
        assertEquals(3, coordinator.get("/_admin/cluster/health").json().path("Health").size());
    }
}
