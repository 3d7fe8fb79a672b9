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
 * The ArangoDB emulator test kit: an in-JVM ArangoDB stand-in for tests of routes that use the
 * {@code arango-replication} component, published as the component's {@code emulator} jar
 * ({@code io.github.camelarango:camel-arango-replication:<version>:emulator}).
 * <p>
 * Its public API, kept source-compatible across releases:
 * {@link io.github.camelarango.replication.emulator.ArangoEmulator} and its
 * {@link io.github.camelarango.replication.emulator.ArangoEmulator.Builder Builder}, the JUnit 5 extension
 * {@link io.github.camelarango.replication.emulator.ArangoEmulatorExtension}, the writer of test data
 * {@link io.github.camelarango.replication.emulator.EmulatorAdmin}, the command line
 * {@link io.github.camelarango.replication.emulator.EmulatorMain}, the cluster
 * {@link io.github.camelarango.replication.emulator.ArangoEmulatorCluster} and its
 * {@link io.github.camelarango.replication.emulator.ArangoEmulatorCluster.Builder Builder} with its extension
 * {@link io.github.camelarango.replication.emulator.ArangoEmulatorClusterExtension}, and the types they hand out
 * ({@link io.github.camelarango.replication.emulator.EmulatorClock},
 * {@link io.github.camelarango.replication.emulator.Faults},
 * {@link io.github.camelarango.replication.emulator.BadLines},
 * {@link io.github.camelarango.replication.emulator.EmulatorRole},
 * {@link io.github.camelarango.replication.emulator.HotBackup},
 * {@link io.github.camelarango.replication.emulator.WalMarker}). Everything else, here ({@code EmulatorContext},
 * {@code Personality}) and in the sub-packages ({@code auth}, {@code docapi}, {@code cluster}, {@code http},
 * {@code model}, {@code replication}, {@code wal}), is the emulator's inside: public only where a sibling package needs it, and
 * free to change.
 * <p>
 * The emulator depends on Jackson (which the component brings) and, for the extension only, on JUnit Jupiter's API;
 * never on the component's own classes: it is built from ArangoDB's protocol, not from what the component sends.
 * <p>
 * That protocol is written down in the repository's {@code docs/protocol.md}; a bare section reference in the
 * emulator's comments and tests (e.g. {@code §4.4}, {@code §0.3 gotcha 3}) is a section of that document.
 */
package io.github.camelarango.replication.emulator;
