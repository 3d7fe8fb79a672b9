package io.github.camelarango.replication.offsets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.support.service.ServiceHelper;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second process on an offset file: a JVM of its own, started with this JVM's class path, running
 * {@link AtomicFileStateRepository} on the same file. The test drives it through its standard input (a line
 * {@code GO} starts the work; closing the input ends it) and reads what it says on its standard output
 * ({@code READY} once its repository started, then what it did).
 * <ul>
 *     <li>{@code write <file> <key> <count>}: after GO, sets {@code key} to {@code 0 .. count-1}, one write each.</li>
 * </ul>
 */
final class OffsetFileProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> said = new ArrayList<>();

    private OffsetFileProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts the process and waits until it says READY (or fails the test with what it said instead). */
    static OffsetFileProcess start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), OffsetFileProcess.class.getName()));
        command.addAll(List.of(args));
        OffsetFileProcess child = new OffsetFileProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        child.awaitLine("READY");
        return child;
    }

    long pid() {
        return process.pid();
    }

    /** Tells the process to begin its work. */
    void go() throws IOException {
        in.write("GO\n");
        in.flush();
    }

    /** Waits until the process says {@code expected} (a line starting with it) and returns that line. */
    String awaitLine(String expected) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            said.add(line);
            if (line.startsWith(expected)) {
                return line;
            }
        }
        fail("the child JVM ended without saying " + expected + "; it said " + said);
        return null;
    }

    /** Closes the process's input (its signal to end) and waits for its exit code. */
    int finish(Duration timeout) throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the child JVM did not end within " + timeout + "; it said " + said);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    public static void main(String[] args) throws Exception {
        AtomicFileStateRepository repository = new AtomicFileStateRepository(Path.of(args[1]));
        ServiceHelper.startService(repository);
        System.out.println("READY");
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"GO".equals(input.readLine())) {
            System.exit(3);
        }
        if ("write".equals(args[0])) {
            int count = Integer.parseInt(args[3]);
            for (int i = 0; i < count; i++) {
                repository.setState(args[2], Integer.toString(i));
            }
            System.out.println("DONE");
        }
        ServiceHelper.stopService(repository);
    }
}
