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
package io.github.camelarango.replication.offsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

/**
 * A JDBC store of a process that paused (a long GC, a network partition) at a given instant: its clock stands still
 * there, so its claims' leases, renewed or not, run out one lease after it, while the process goes on.
 */
public final class PausedJdbcStore {

    private PausedJdbcStore() {
    }

    public static JdbcStateRepository pausedAt(Instant instant, DataSource dataSource, Duration lease) {
        JdbcStateRepository repository = new JdbcStateRepository(Clock.fixed(instant, ZoneOffset.UTC));
        repository.setDataSource(dataSource);
        repository.setLeaseDuration(lease);
        return repository;
    }
}
