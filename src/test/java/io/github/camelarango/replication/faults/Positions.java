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
package io.github.camelarango.replication.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The offset repository of the in-JVM runs ({@code offsetRepository=#positions}), shared by every CamelContext of a
 * cell so that a stopped and restarted context resumes from the committed position; {@link #remove} is the
 * "delete the stored position" recovery step.
 */
final class Positions extends ServiceSupport implements StateRepository<String, String> {

    private final Map<String, String> states = new ConcurrentHashMap<>();

    @Override
    public void setState(String key, String value) {
        states.put(key, value);
    }

    @Override
    public String getState(String key) {
        return states.get(key);
    }

    void remove(String key) {
        states.remove(key);
    }
}
