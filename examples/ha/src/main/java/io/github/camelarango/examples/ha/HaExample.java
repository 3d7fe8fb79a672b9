package io.github.camelarango.examples.ha;

import org.apache.camel.main.Main;

/**
 * One instance of the highly available capture: Camel Main with the file-lock cluster service
 * ({@code camel.cluster.file.*} in {@code application.properties}) and the capture route, which runs only on the
 * instance that leads. Start two (or more) with the same shared folder ({@code HA_SHARED_DIR}); stop the one that
 * captures, and another continues from the position it committed.
 */
public final class HaExample {

    private HaExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** Camel Main with the example's route, not yet started. */
    public static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new LeaderOnlyChangesRoute());
        return main;
    }
}
