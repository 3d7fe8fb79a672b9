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
package io.github.camelarango.replication.emulator.replication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.http.Responses;
import io.github.camelarango.replication.emulator.model.Database;

/** HTTP side of applier-config, applier-start/stop, applier-state(-all), sync and make-follower (§3.15–3.20). */
final class ApplierHandler {

    private final EmulatorContext context;

    ApplierHandler(EmulatorContext context) {
        this.context = context;
    }

    HttpResponse handle(String command, HttpRequest request, Database database) {
        switch (command) {
            case "applier-config":
                ReplicationApplier forConfig = applier(request, database);
                return HttpResponse.json(200, request.method().equals("GET") ? forConfig.config() : forConfig.configure(Responses.objectBody(request)));
            case "applier-start":
                return HttpResponse.json(200, applier(request, database).start(request.tickParam("from", 0)));
            case "applier-stop":
                return HttpResponse.json(200, applier(request, database).stop());
            case "applier-state":
                ReplicationApplier forState = applier(request, database);
                return HttpResponse.json(200, request.method().equals("GET") ? forState.stateJson() : forState.forget());
            case "applier-state-all":
                if (!database.isSystem()) {
                    throw ArangoException.forbidden("applier-state-all is only available in the _system database");
                }
                ObjectNode all = Json.object();
                for (Database db : context.server().databases()) {
                    all.set(db.name(), context.appliers().of(db).stateJson());
                }
                return HttpResponse.json(200, all);
            case "sync":
                ObjectNode syncBody = Responses.objectBody(request);
                if (!syncBody.path("endpoint").isTextual()) {
                    throw ArangoException.badParameter("<endpoint> must be a valid endpoint");
                }
                return HttpResponse.json(200, context.appliers().of(database).sync(syncBody));
            default: // make-follower, make-slave
                return HttpResponse.json(200, context.appliers().of(database).makeFollower(Responses.objectBody(request)));
        }
    }

    private ReplicationApplier applier(HttpRequest request, Database database) {
        if (request.boolParam("global", false)) {
            if (!database.isSystem()) {
                throw ArangoException.forbidden("global applier can only be used from within _system database");
            }
            return context.appliers().global(database);
        }
        return context.appliers().of(database);
    }
}
