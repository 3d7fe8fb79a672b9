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

import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the selftests whose controls change the whole server (its clock, its WAL, its state): a fresh emulator per
 * test, with a writer ({@link #admin}) and raw HTTP access ({@link #http}, renewed by {@link #reconnect()} after a
 * control reset the connections).
 */
abstract class ScratchEmulatorTest {

    ArangoEmulator emu;
    EmulatorAdmin admin;
    RawHttp http;

    @BeforeEach
    void startEmulator() {
        emu = ArangoEmulator.builder().build().start();
        admin = new EmulatorAdmin(emu.url(), null, null);
        http = RawHttp.of(emu);
    }

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    /**
     * New pooled connections for both clients, after a restore or a replaced server reset the old ones (a POST on a
     * reset pooled connection is not retried by the JDK client: "header parser received no bytes").
     */
    void reconnect() {
        http = RawHttp.of(emu);
        admin = new EmulatorAdmin(emu.url(), null, null);
    }
}
