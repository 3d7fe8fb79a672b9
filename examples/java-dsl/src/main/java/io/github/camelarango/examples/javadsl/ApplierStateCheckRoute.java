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
package io.github.camelarango.examples.javadsl;

import io.github.camelarango.replication.client.ApplierState;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the replication applier of the server on a timer ({@code applierState}; ArangoDB before 3.12.10): logs its
 * phase and last applied tick, warns when it is not running, and hands the state to {@code {{applier.state.uri}}}
 * with the header {@code ApplierRunning}.
 */
public class ApplierStateCheckRoute extends RouteBuilder {

    /** Whether the applier runs (Boolean), set on every checked state. */
    public static final String APPLIER_RUNNING = "ApplierRunning";

    @Override
    public void configure() {
        from("timer:applier-check?period={{applier.check.period}}")
                .routeId("applier-state-check")
                .to("arango-replication:applierState")
                .process(ApplierStateCheckRoute::markRunning)
                .choice()
                    .when(header(APPLIER_RUNNING))
                        .log("applier running, phase ${body.state.phase}, last applied tick ${body.state.lastAppliedContinuousTick}")
                    .otherwise()
                        .log(LoggingLevel.WARN, "applier not running, phase ${body.state.phase}")
                .end()
                .to("{{applier.state.uri}}");
    }

    static void markRunning(Exchange exchange) throws InvalidPayloadException {
        ApplierState state = exchange.getMessage().getMandatoryBody(ApplierState.class);
        exchange.getMessage().setHeader(APPLIER_RUNNING, state.state() != null && state.state().running());
    }
}
