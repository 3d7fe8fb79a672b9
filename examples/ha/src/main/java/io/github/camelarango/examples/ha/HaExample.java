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
package io.github.camelarango.examples.ha;

import org.apache.camel.main.Main;

/**
 * One instance of the highly available capture: Camel Main with the file-lock cluster service
 * ({@code camel.cluster.file.*} in {@code application.properties}) and the capture route, which runs only on the
 * instance that leads, its position in a Kafka topic ({@code KAFKA_BOOTSTRAP_SERVERS}). Start two (or more) with the
 * same shared folder ({@code HA_SHARED_DIR}); stop (or kill) the one that captures, and another continues from the
 * position it committed.
 */
public final class HaExample {

    private HaExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** Camel Main with the example's route, not yet started. */
    public static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new LeaderOnlyChangesRoute());
        return main;
    }
}
