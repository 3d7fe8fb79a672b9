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

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The main of a second process running a changes route ({@link ChildJvm}): {@code <uri>} starts a CamelContext with
 * the route {@code from(uri)} (id {@code child}), says READY once it runs (or FAILED with the error), and stops the
 * context when its input ends.
 */
public final class ChangesRouteChild {

    private ChangesRouteChild() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(args[0]).routeId("child").to("log:child?level=OFF");
            }
        });
        try {
            context.start();
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
            System.exit(2);
        }
        System.out.println("READY");
        while (System.in.read() >= 0) {
            // runs until the parent closes the input
        }
        context.stop();
    }
}
