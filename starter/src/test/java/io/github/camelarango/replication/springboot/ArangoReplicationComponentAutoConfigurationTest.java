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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.ArangoReplicationComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code camel.component.arango-replication.*} properties reach the component when Camel creates it: every
 * option of the catalog, those of the nested configurations included, read back through the component's configurer.
 */
class ArangoReplicationComponentAutoConfigurationTest {

    private static final String PREFIX = StarterGenerator.PREFIX + ".";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    ArangoReplicationComponentAutoConfiguration.class));

    @Test
    void everyOptionOfTheCatalogReachesTheComponent() {
        List<String> properties = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        StarterGenerator.catalog().get("componentProperties").properties().forEach(option -> {
            Sample sample = Sample.of(option.getValue());
            if (sample != null) {
                StarterProperty property = StarterProperty.of(option.getKey(), option.getValue());
                properties.add(PREFIX + property.key() + "=" + sample.text());
                expected.put(option.getKey(), sample.value());
            }
        });
        assertTrue(expected.size() > 60, "options of the catalog: " + expected.keySet());
        runner.withPropertyValues(properties.toArray(String[]::new)).run(spring -> {
            ArangoReplicationComponent component = component(spring.getBean(CamelContext.class));
            PropertyConfigurerGetter configurer = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            List<String> wrong = new ArrayList<>();
            expected.forEach((option, value) -> {
                Object actual = configurer.getOptionValue(component, option, false);
                if (!String.valueOf(value).equals(String.valueOf(actual))) {
                    wrong.add(option + ": expected " + value + " but was " + actual);
                }
            });
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        });
    }

    @Test
    void anObjectOptionNamesABean() {
        runner.withBean("positions", StateRepository.class, MemoryStateRepository::new)
                .withPropertyValues(PREFIX + "offset-repository=#bean:positions", PREFIX + "snapshot-mode=NEVER")
                .run(spring -> {
                    ArangoReplicationComponent component = component(spring.getBean(CamelContext.class));
                    assertSame(spring.getBean("positions"), component.getConsumerConfiguration().getOffsetRepository());
                    assertEquals("NEVER", String.valueOf(component.getConsumerConfiguration().getSnapshotMode()));
                });
    }

    @Test
    void aBadValueIsRefusedWithTheComponentsMessage() {
        runner.withPropertyValues(PREFIX + "envelope=xml").run(spring -> {
            CamelContext camel = spring.getBean(CamelContext.class);
            ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                    () -> camel.getEndpoint("arango-replication:changes"));
            assertTrue(String.valueOf(e.getCause().getMessage()).contains("Invalid value for option envelope: 'xml'"),
                    e.getCause().getMessage());
        });
    }

    @Test
    void disabledTheComponentKeepsItsDefaults() {
        runner.withPropertyValues(PREFIX + "enabled=false", PREFIX + "host=arango.example").run(spring -> {
            assertFalse(spring.containsBean("configureArangoReplicationComponent"));
            assertEquals("localhost", component(spring.getBean(CamelContext.class)).getConfiguration().getHost());
        });
        runner.withPropertyValues(PREFIX + "customizer.enabled=false", PREFIX + "host=arango.example").run(spring -> {
            assertEquals(1, spring.getBeansOfType(ComponentCustomizer.class).size(), "the customizer is there, off");
            assertEquals("localhost", component(spring.getBean(CamelContext.class)).getConfiguration().getHost());
        });
    }

    @Test
    void theActuatorMasksTheSecretOptionsWhateverTheirSpelling() {
        runner.run(spring -> {
            SanitizingFunction secrets = spring.getBean(SanitizingFunction.class);
            for (String key : List.of(PREFIX + "password", PREFIX + "leader-password", PREFIX + "leaderPassword",
                    "CAMEL_COMPONENT_ARANGOREPLICATION_JWT")) {
                assertEquals(SanitizableData.SANITIZED_VALUE,
                        secrets.applyUnlessFiltered(new SanitizableData(null, key, "s3cret")).getValue(), key);
            }
            assertEquals("arango.example", secrets.applyUnlessFiltered(
                    new SanitizableData(null, PREFIX + "host", "arango.example")).getValue());
            assertEquals("s3cret", secrets.applyUnlessFiltered(
                    new SanitizableData(null, "spring.datasource.password", "s3cret")).getValue(), "only ours");
        });
    }

    private static ArangoReplicationComponent component(CamelContext camel) {
        return camel.getComponent("arango-replication", ArangoReplicationComponent.class);
    }

    /**
     * A value other than the default for an option, as application.properties writes it and as the component's
     * configurer reads it back; none for objects (beans, see {@link #anObjectOptionNamesABean}).
     */
    private record Sample(String text, Object value) {

        static Sample of(JsonNode option) {
            String type = option.get("type").asText();
            String defaultValue = option.path("defaultValue").asText("");
            JsonNode allowed = option.get("enum");
            return switch (type) {
                case "object" -> null;
                case "enum" -> new Sample(last(allowed), last(allowed));
                case "boolean" -> new Sample(String.valueOf(!Boolean.parseBoolean(defaultValue)),
                        !Boolean.parseBoolean(defaultValue));
                case "integer" -> new Sample("7", 7);
                case "number" -> new Sample("2.5", 2.5);
                case "duration" -> new Sample("3s", 3000);
                case "string" -> new Sample("1234567", "1234567");
                default -> throw new IllegalStateException("no sample for options of type " + type);
            };
        }

        private static String last(JsonNode values) {
            return values.get(values.size() - 1).asText();
        }
    }
}
