package io.github.camelarango.replication.emulator;

import java.util.Locale;

/**
 * Runs an emulator from the command line until the process is killed:
 * {@code --port 8529 --version 3.11.4 --role single|coordinator --auth root:secret}.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ArangoEmulator.Builder builder = ArangoEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw usage("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port":
                    builder.port(Integer.parseInt(value));
                    break;
                case "--version":
                    builder.version(value);
                    break;
                case "--role":
                    builder.role(EmulatorRole.valueOf(value.toUpperCase(Locale.ROOT)));
                    break;
                case "--auth":
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        throw usage("--auth expects user:password, e.g. root:secret");
                    }
                    builder.authentication(value.substring(0, colon), value.substring(colon + 1));
                    break;
                default:
                    throw usage("unknown option " + option);
            }
        }
        ArangoEmulator emulator = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("ArangoDB emulator " + emulator.version() + " (" + emulator.role() + ") listening on " + emulator.url());
        Thread.currentThread().join();
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem
                + "; usage: EmulatorMain [--port <n>] [--version 3.11.4|3.12.4|3.12.10|4.0.0] [--role single|coordinator] [--auth user:password]");
    }
}
