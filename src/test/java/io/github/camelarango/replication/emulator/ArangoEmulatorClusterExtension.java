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

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * JUnit 5 extension: one {@link ArangoEmulatorCluster} per test class, started before the first test and closed after
 * the last.
 * <pre>{@code
 * @RegisterExtension
 * static final ArangoEmulatorClusterExtension CLUSTER = ArangoEmulatorClusterExtension.create(b -> b.dbServers(3));
 * ... CLUSTER.cluster().coordinator().url() ...
 * }</pre>
 * Part of the emulator test kit's public API.
 */
public final class ArangoEmulatorClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<ArangoEmulatorCluster.Builder> customizer;
    private ArangoEmulatorCluster cluster;

    private ArangoEmulatorClusterExtension(Consumer<ArangoEmulatorCluster.Builder> customizer) {
        this.customizer = customizer;
    }

    /** @return an extension whose cluster has the builder's defaults (one Coordinator, three DB-Servers) */
    public static ArangoEmulatorClusterExtension create() {
        return new ArangoEmulatorClusterExtension(b -> { });
    }

    /**
     * @param customizer sets up the cluster's builder (servers, version, authentication, …) before it is built
     * @return an extension whose cluster has these settings
     */
    public static ArangoEmulatorClusterExtension create(Consumer<ArangoEmulatorCluster.Builder> customizer) {
        return new ArangoEmulatorClusterExtension(customizer);
    }

    /** Starts the cluster. */
    @Override
    public void beforeAll(ExtensionContext context) {
        ArangoEmulatorCluster.Builder builder = ArangoEmulatorCluster.builder();
        customizer.accept(builder);
        cluster = builder.build().start();
    }

    /** Closes the cluster. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /**
     * @return the running cluster, for its servers and test controls
     * @throws IllegalStateException outside the test class's life
     */
    public ArangoEmulatorCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster runs only within the test class (register the extension as a static field)");
        }
        return cluster;
    }
}
