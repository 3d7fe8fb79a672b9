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
package io.github.camelarango.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application capturing the changes of an ArangoDB collection; configured in
 * {@code application.properties}. Run: {@code mvn -f examples/spring-boot/pom.xml spring-boot:run}.
 */
@SpringBootApplication
public class ArangoReplicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArangoReplicationApplication.class, args);
    }
}
