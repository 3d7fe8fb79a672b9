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
package io.github.camelarango.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs {@link ArangoToKafkaRoute} with Camel Main; settings in {@code application.properties}.
 * Run: {@code mvn -f examples/kafka/pom.xml compile exec:java} with ArangoDB and Kafka reachable.
 */
public final class KafkaExample {

    private KafkaExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** Camel Main with the example's route, not yet started. */
    public static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new ArangoToKafkaRoute());
        return main;
    }
}
