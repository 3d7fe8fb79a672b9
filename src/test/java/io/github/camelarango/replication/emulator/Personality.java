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

/**
 * The ArangoDB version the emulator imitates and what follows from it (§2, §8): 3.12.10 and later (4.x) have
 * removed the applier, logger-follow/first-tick/tick-ranges, server-id, sync and make-follower; 4.x also removed
 * {@code wal/open-transactions}. Internal: public only for the handlers in the sub-packages, not part of the test
 * kit's API.
 */
public final class Personality {

    private final String version;
    private final int major;
    private final int minor;
    private final int patch;

    public Personality(String version) {
        this.version = version;
        String[] parts = version.split("[.-]");
        try {
            this.major = Integer.parseInt(parts[0]);
            this.minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            this.patch = parts.length > 2 && parts[2].chars().allMatch(Character::isDigit) ? Integer.parseInt(parts[2]) : 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version '" + version + "' is not of the form <major>.<minor>.<patch>, e.g. 3.11.4");
        }
        if (major < 3 || (major == 3 && minor < 11)) {
            throw new IllegalArgumentException("version '" + version + "' is not emulated; supported: 3.11.x, 3.12.x, 4.x");
        }
    }

    public String version() {
        return version;
    }

    /** True up to 3.12.9: applier, logger-follow, logger-first-tick, logger-tick-ranges, server-id, sync, make-follower. */
    public boolean hasLegacyReplication() {
        return major == 3 && (minor < 12 || patch < 10);
    }

    /** {@code GET /_api/wal/open-transactions} exists before 4.0. */
    public boolean hasOpenTransactions() {
        return major < 4;
    }

    /**
     * An empty {@code wal/tail} answer reports the start of the last write batch examined as
     * {@code x-arango-replication-lastscanned}, which can be below {@code from} (§0.3 gotcha 3, §4.4: [REAL
     * 3.12.0-devel] {@code from=189438} gave {@code lastscanned 189435}); 3.11 reports the batch end. Assumed for all
     * of 3.12 and later, the only captured example being 3.12.0-devel.
     */
    public boolean idleTailReportsWriteBatchStart() {
        return major > 3 || minor >= 12;
    }

    /** {@code POST /_open/auth} answers 200 {"jwt":"invalid"} with authentication off from 3.12.6 on (§1.5). */
    public boolean authAnswersWhenDisabled() {
        return major > 3 || minor > 12 || (minor == 12 && patch >= 6);
    }
}
