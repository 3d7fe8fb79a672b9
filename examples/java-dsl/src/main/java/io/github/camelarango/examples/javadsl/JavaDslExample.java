package io.github.camelarango.examples.javadsl;

import org.apache.camel.main.Main;

/**
 * Runs the example routes with Camel Main; settings in {@code application.properties} (connection through
 * {@code camel.component.arango-replication.*}). Run: {@code mvn -f examples/java-dsl/pom.xml compile exec:java}
 * against a real ArangoDB, or see the test for the emulator.
 */
public final class JavaDslExample {

    private JavaDslExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** Camel Main with the example's routes, not yet started. */
    public static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new ChangesToFilesRoute());
        main.configure().addRoutesBuilder(new ApplierStateCheckRoute());
        return main;
    }
}
