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
 * The emulator's own tests: each protocol behaviour of the emulator checked over HTTP (with {@link
 * io.github.camelarango.replication.emulator.selftest.RawHttp}) or with the official ArangoDB Java driver, through the
 * public test-kit API where it suffices. Kept apart from {@code io.github.camelarango.replication.emulator} so that the
 * published emulator jar holds the emulator and none of its tests.
 */
package io.github.camelarango.replication.emulator.selftest;
