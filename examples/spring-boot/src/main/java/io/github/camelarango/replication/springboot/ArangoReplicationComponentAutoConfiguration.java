package io.github.camelarango.replication.springboot;

import io.github.camelarango.replication.ArangoReplicationComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.arango-replication.*} properties to the {@code arango-replication} component
 * when Camel creates it, the way the generated Camel starters do: a {@link ComponentCustomizer} copying every
 * property that was set. Disabled with {@code camel.component.arango-replication.customizer.enabled=false} (or
 * {@code camel.component.customizer.enabled=false} for all components).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, ArangoReplicationComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.arango-replication"})
public class ArangoReplicationComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final ArangoReplicationComponentConfiguration configuration;

    public ArangoReplicationComponentAutoConfiguration(ApplicationContext applicationContext,
            CamelContext camelContext, ArangoReplicationComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureArangoReplicationComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.arango-replication.customizer")
                        && target instanceof ArangoReplicationComponent;
            }
        };
    }
}
