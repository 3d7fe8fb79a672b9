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
package io.github.camelarango.replication;

import java.util.UUID;

import io.github.camelarango.replication.offsets.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Changes consumers of several deployments on one offset key, each deployment a CamelContext with a JDBC store of
 * its own on one shared H2 database.
 */
abstract class JdbcStoreTestSupport extends ChangesConsumerTestSupport {

    static final String KEY = "orders-cdc";

    final JdbcDataSource database = new JdbcDataSource();

    JdbcStoreTestSupport() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static String uri(CaptureFixture f, String repository) {
        return "arango-replication:changes?collections=orders&offsetKey=" + KEY + "&offsetRepository=#" + repository
               + "&" + f.connection();
    }

    /**
     * Another deployment, not started: a CamelContext named {@code name} with {@code store} bound as {@code #jdbc},
     * whose route {@code name} captures into {@code sink}, with the endpoint options {@code options}
     * ({@code &name=value…}, or empty) too.
     */
    static CamelContext deployment(String name, CaptureFixture f, ReplicaSink sink, JdbcStateRepository store,
                                   String options) throws Exception {
        CamelContext other = new DefaultCamelContext();
        other.getCamelContextExtension().setName(name);
        other.getRegistry().bind("jdbc", store);
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(f, "jdbc") + options).routeId(name).process(sink);
            }
        });
        return other;
    }
}
