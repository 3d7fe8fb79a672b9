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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * JUnit 5 extension: one {@link ArangoEmulator} per test class, started before the first test and closed after the
 * last. Register it on a static field:
 * <pre>{@code
 * @RegisterExtension
 * static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "secret"));
 *
 * // in a test: ARANGO.url(), ARANGO.user(), ARANGO.password(), ARANGO.admin(), ARANGO.emulator()
 * }</pre>
 * Remote switch: when the system property {@code arango.url} is non-blank, nothing is started, {@link #url()} returns
 * it (with {@code arango.user}, default {@code root}, and {@code arango.password}, default empty), and
 * {@link #emulator()} skips the calling test with a JUnit assumption, since the emulator's test controls do not exist
 * on a real server. Tests that only use {@link #url()}, {@link #user()}, {@link #password()} and {@link #admin()} thus
 * run against either.
 * <p>
 * Part of the emulator test kit's public API, kept source-compatible across releases.
 */
public final class ArangoEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<ArangoEmulator.Builder> customizer;
    private ArangoEmulator emulator;

    private ArangoEmulatorExtension(Consumer<ArangoEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    /** @return an extension whose emulator has the builder's defaults (3.11.4, single server, no authentication) */
    public static ArangoEmulatorExtension create() {
        return new ArangoEmulatorExtension(b -> { });
    }

    /**
     * @param customizer sets up the emulator's builder (version, role, authentication, …) before it is built
     * @return an extension whose emulator has these settings
     */
    public static ArangoEmulatorExtension create(Consumer<ArangoEmulator.Builder> customizer) {
        return new ArangoEmulatorExtension(customizer);
    }

    private static String remoteUrl() {
        String url = System.getProperty("arango.url");
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** Starts the emulator, unless {@code arango.url} names a real server. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (remoteUrl() == null) {
            ArangoEmulator.Builder builder = ArangoEmulator.builder();
            customizer.accept(builder);
            emulator = builder.build().start();
        }
    }

    /** Closes the emulator. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** @return base URL of the server under test: the emulator's, or the {@code arango.url} property's */
    public String url() {
        String remote = remoteUrl();
        return remote != null ? remote : running().url();
    }

    /** @return the user to authenticate as ({@code root} when the emulator runs without authentication) */
    public String user() {
        if (remoteUrl() != null) {
            return System.getProperty("arango.user", "root");
        }
        return running().user() != null ? running().user() : "root";
    }

    /** @return the password of {@link #user()} (empty when the emulator runs without authentication) */
    public String password() {
        if (remoteUrl() != null) {
            return System.getProperty("arango.password", "");
        }
        return running().password() != null ? running().password() : "";
    }

    /** @return a writer of databases, collections and documents on the server under test (emulator or real) */
    public EmulatorAdmin admin() {
        return new EmulatorAdmin(url(), user(), password());
    }

    /**
     * The emulator, for its test controls and ground truth.
     *
     * @return the running emulator; against a real server ({@code arango.url}) the calling test is skipped instead
     * @throws IllegalStateException if called before {@code beforeAll} (the extension must be on a static field)
     */
    public ArangoEmulator emulator() {
        Assumptions.assumeTrue(remoteUrl() == null, "needs the ArangoDB emulator's test controls; arango.url points to a real server");
        return running();
    }

    private ArangoEmulator running() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator is started in beforeAll: register the extension on a static field");
        }
        return emulator;
    }
}
