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

import java.time.Duration;
import java.util.Locale;

import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoClientConfiguration.Authentication;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import org.apache.camel.CamelContext;

/**
 * Builds the replication client of an endpoint from its connection options (checked by
 * {@link ArangoReplicationConfiguration#validate()} when the endpoint was created).
 */
final class ArangoReplicationClients {

    private ArangoReplicationClients() {
    }

    /**
     * @param  context       resolves the TLS settings
     * @param  configuration the endpoint's connection options
     * @return               a new client owned (and closed) by the caller
     */
    static ArangoReplicationClient create(CamelContext context, ArangoReplicationConfiguration configuration)
            throws Exception {
        return new HttpArangoReplicationClient(clientConfiguration(context, configuration));
    }

    private static ArangoClientConfiguration clientConfiguration(CamelContext context, ArangoReplicationConfiguration configuration)
            throws Exception {
        String scheme = configuration.isUseSsl() ? "https" : "http";
        ArangoClientConfiguration.Builder builder = ArangoClientConfiguration
                .builder(scheme + "://" + configuration.getHost() + ":" + configuration.getPort())
                .database(configuration.getDatabase())
                .user(configuration.getUser())
                .password(configuration.getPassword())
                .jwt(configuration.getJwt())
                .authentication(authentication(configuration))
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .responseTimeout(Duration.ofMillis(configuration.getResponseTimeout()))
                .maxConnections(configuration.getMaxConnections())
                .serverId(configuration.getServerId())
                .syncerId(configuration.getSyncerId())
                .clientInfo(configuration.getClientInfo());
        if (configuration.isUseSsl() && configuration.getSslContextParameters() != null) {
            builder.sslContext(configuration.getSslContextParameters().createSSLContext(context));
        }
        return builder.build();
    }

    /** A static jwt implies JWT authentication unless authentication is none. */
    private static Authentication authentication(ArangoReplicationConfiguration configuration) {
        String authentication = configuration.getAuthentication();
        if (configuration.getJwt() != null && !configuration.getJwt().isBlank() && !"none".equals(authentication)) {
            return Authentication.JWT;
        }
        return Authentication.valueOf(authentication.toUpperCase(Locale.ROOT));
    }
}
