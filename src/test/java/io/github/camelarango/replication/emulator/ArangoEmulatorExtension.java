package io.github.camelarango.replication.emulator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * JUnit 5 extension: one emulator per test class.
 * <pre>{@code
 * @RegisterExtension
 * static ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "secret"));
 * }</pre>
 * Remote switch: when the system property {@code arango.url} is non-blank, nothing is started, {@link #url()}
 * returns it (with {@code arango.user}/{@code arango.password}), and {@link #emulator()} skips the calling test
 * (emulator-only controls are not available against a real server).
 */
public final class ArangoEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<ArangoEmulator.Builder> customizer;
    private ArangoEmulator emulator;

    private ArangoEmulatorExtension(Consumer<ArangoEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    public static ArangoEmulatorExtension create() {
        return new ArangoEmulatorExtension(b -> { });
    }

    /** With a customizer of the emulator builder (version, role, authentication, …). */
    public static ArangoEmulatorExtension create(Consumer<ArangoEmulator.Builder> customizer) {
        return new ArangoEmulatorExtension(customizer);
    }

    private static String remoteUrl() {
        String url = System.getProperty("arango.url");
        return url == null || url.isBlank() ? null : url.trim();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (remoteUrl() == null) {
            ArangoEmulator.Builder builder = ArangoEmulator.builder();
            customizer.accept(builder);
            emulator = builder.build().start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** Base URL of the server under test. */
    public String url() {
        String remote = remoteUrl();
        return remote != null ? remote : running().url();
    }

    /** User to authenticate as (root by default). */
    public String user() {
        if (remoteUrl() != null) {
            return System.getProperty("arango.user", "root");
        }
        return running().user() != null ? running().user() : "root";
    }

    /** Password of {@link #user()} ("" when the emulator runs without authentication). */
    public String password() {
        if (remoteUrl() != null) {
            return System.getProperty("arango.password", "");
        }
        return running().password() != null ? running().password() : "";
    }

    /** The emulator; against a remote server the calling test is skipped (JUnit assumption). */
    public ArangoEmulator emulator() {
        Assumptions.assumeTrue(remoteUrl() == null, "needs the ArangoDB emulator's test controls; arango.url points to a real server");
        return running();
    }

    private ArangoEmulator running() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator is started in beforeAll: register the extension on a static field");
        }
        return emulator;
    }
}
