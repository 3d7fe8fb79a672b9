package io.github.camelarango.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs {@link ArangoToKafkaRoute} with Camel Main; settings in {@code application.properties}.
 * Run: {@code mvn -f examples/kafka/pom.xml compile exec:java} with ArangoDB and Kafka reachable.
 */
public final class KafkaExample {

    private KafkaExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** Camel Main with the example's route, not yet started. */
    public static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new ArangoToKafkaRoute());
        return main;
    }
}
