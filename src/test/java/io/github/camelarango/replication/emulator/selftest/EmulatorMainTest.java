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

import io.github.camelarango.replication.emulator.EmulatorMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The command line refuses bad options before it starts anything, naming the option, the value and the usage. */
class EmulatorMainTest {

    private static final String USAGE = "; usage: EmulatorMain [--port <n>] [--version 3.11.4|3.12.4|3.12.10|4.0.0]"
            + " [--auth user:password] [--role single|coordinator | --cluster [--db-servers 1..16] [--coordinators 1..8]"
            + " [--jwt-secret <secret>]]";

    private static String failure(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> EmulatorMain.main(args)).getMessage();
    }

    @Test
    void aPortThatIsNoNumberIsNamed() {
        assertEquals("--port expects a number 0..65535, was 'http'" + USAGE, failure("--port", "http"));
    }

    @Test
    void anUnknownRoleIsNamed() {
        assertEquals("--role expects single or coordinator, was 'agent'" + USAGE, failure("--role", "agent"));
        assertEquals("--role expects single or coordinator, was 'primary'" + USAGE, failure("--role", "primary"));
    }

    @Test
    void authWithoutAColonDoesNotEchoTheSecret() {
        assertEquals("--auth expects user:password, e.g. root:secret" + USAGE, failure("--auth", "s3cret"));
    }

    @Test
    void clusterOptionsAreCheckedWithoutEchoingTheSecret() {
        assertEquals("--db-servers expects a number 1..16, was '0'" + USAGE, failure("--cluster", "--db-servers", "0"));
        assertEquals("--db-servers expects a number 1..16, was 'three'" + USAGE,
                failure("--db-servers", "three", "--cluster"));
        assertEquals("--coordinators expects a number 1..8, was '9'" + USAGE, failure("--cluster", "--coordinators", "9"));
        assertEquals("--jwt-secret expects the cluster's secret, a non-empty text" + USAGE,
                failure("--cluster", "--jwt-secret", ""));
        assertEquals("--role is no option of --cluster, whose servers are Coordinators and DB-Servers (--coordinators, "
                     + "--db-servers)" + USAGE, failure("--cluster", "--role", "single"));
        String withoutCluster = failure("--jwt-secret", "s3cret");
        assertEquals("--jwt-secret is an option of --cluster" + USAGE, withoutCluster);
        assertEquals("--db-servers is an option of --cluster" + USAGE, failure("--db-servers", "3"));
    }

    @Test
    void unknownAndIncompleteOptions() {
        assertEquals("unknown option --host" + USAGE, failure("--host", "db"));
        assertEquals("option --port needs a value" + USAGE, failure("--port"));
    }
}
