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

    /** New pooled connections, after a restore or a replaced server reset the old ones. */
    void reconnect() {
        http = RawHttp.of(emu);
    }
}
