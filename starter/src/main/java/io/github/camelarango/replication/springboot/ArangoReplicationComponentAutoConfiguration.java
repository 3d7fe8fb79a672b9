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
package io.github.camelarango.replication.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelarango.replication.ArangoReplicationComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.arango-replication.*} properties ({@link ArangoReplicationComponentConfiguration})
 * to the {@code arango-replication} component when Camel creates it, as Camel's generated starters do: a
 * {@link ComponentCustomizer} hands every property that is set to Camel's property binding, which reaches the
 * options of the component's nested configurations (connection, consumer, producer, applier) through the
 * component's configurer and resolves bean references ({@code #bean:name}).
 * <p>
 * Off with {@code camel.component.arango-replication.enabled=false}; the customizer alone with
 * {@code camel.component.arango-replication.customizer.enabled=false} (or {@code camel.component.customizer.enabled}
 * for every component). With the actuator, its env and configprops endpoints mask the secret options even when they
 * show values.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, ArangoReplicationComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.arango-replication"})
public class ArangoReplicationComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final ArangoReplicationComponentConfiguration configuration;

    public ArangoReplicationComponentAutoConfiguration(ApplicationContext applicationContext,
            ArangoReplicationComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureArangoReplicationComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.arango-replication.customizer")
                       && target instanceof ArangoReplicationComponent;
            }
        };
    }

    /** Masks the secret options in the actuator's env and configprops endpoints, whatever their show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Secrets {

        @Bean
        SanitizingFunction arangoReplicationSecrets() {
            Set<String> secrets = ArangoReplicationComponentConfiguration.SECRET_OPTIONS.stream()
                    .map(option -> canonical("camel.component.arango-replication." + option))
                    .collect(Collectors.toUnmodifiableSet());
            return SanitizingFunction.sanitizeValue().ifKeyMatches(key -> secrets.contains(canonical(key)));
        }

        /** A property name without case and separators: password, PASSWORD, leader-password, leaderPassword alike. */
        private static String canonical(String key) {
            return key.replaceAll("[-_.\\[\\]]", "").toLowerCase(Locale.ROOT);
        }
    }
}
