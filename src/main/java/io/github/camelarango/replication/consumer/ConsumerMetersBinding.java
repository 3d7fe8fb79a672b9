package io.github.camelarango.replication.consumer;

import org.apache.camel.CamelContext;

/**
 * Publishes a {@code changes} consumer's {@link ConsumerMeters} when Micrometer is on the class path and the
 * CamelContext's registry holds a {@code MeterRegistry} (Spring Boot's, with its actuator); does nothing otherwise.
 * Free of Micrometer types itself, so the component runs without Micrometer.
 */
public final class ConsumerMetersBinding {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private ConsumerMetersBinding() {
    }

    /**
     * @return what removes the meters again when the consumer stops
     */
    public static AutoCloseable bind(CamelContext camelContext, String routeId, ConsumerStatus.Source consumer) {
        try {
            Class.forName(METER_REGISTRY, false, ConsumerMetersBinding.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return () -> { };
        }
        return ConsumerMeters.bindToRegistryOf(camelContext, routeId, consumer);
    }
}
