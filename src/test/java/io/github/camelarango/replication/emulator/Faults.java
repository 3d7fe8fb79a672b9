package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.http.Fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Fault injection, per method and path. The path is matched against the request path without the
 * {@code /_db/<name>} prefix and without the query string, exactly, or as a prefix when it ends with {@code *}.
 * Each rule applies to the given number of matching requests, then disappears; the first matching rule wins.
 * <pre>{@code
 * emulator.faults().failNext("GET", "/_api/wal/tail", 503, 503, 2);                 // two 503 answers
 * emulator.faults().delay("GET", "/_api/replication/dump", Duration.ofSeconds(2), 1);
 * emulator.faults().cutAfterBytes("GET", "/_api/replication/dump", 100, 1);       // connection reset mid-body
 * }</pre>
 * Obtained from {@link ArangoEmulator#faults()}; part of the emulator test kit's public API. Thread-safe.
 */
public final class Faults implements Fault.Source {

    private final List<Rule> rules = new ArrayList<>();

    /**
     * The next {@code times} matching requests are answered with an ArangoDB error body.
     *
     * @param method   the HTTP method, e.g. {@code GET}
     * @param path     the path, e.g. {@code /_api/wal/tail}, or a prefix ending with {@code *}
     * @param status   the HTTP status
     * @param errorNum the body's {@code errorNum}
     * @param times    how many requests (at least 1)
     * @return these faults
     */
    public Faults failNext(String method, String path, int status, int errorNum, int times) {
        return add(method, path, new Fault(Fault.Kind.FAIL, status, errorNum, Duration.ZERO, 0), times);
    }

    /**
     * The next {@code times} matching requests are handled after a delay.
     *
     * @param method the HTTP method
     * @param path   the path, or a prefix ending with {@code *}
     * @param delay  how long to wait before handling each
     * @param times  how many requests (at least 1)
     * @return these faults
     */
    public Faults delay(String method, String path, Duration delay, int times) {
        return add(method, path, new Fault(Fault.Kind.DELAY, 0, 0, delay, 0), times);
    }

    /**
     * The next {@code times} matching responses are cut (connection reset) after some body bytes.
     *
     * @param method the HTTP method
     * @param path   the path, or a prefix ending with {@code *}
     * @param bytes  how many body bytes are sent before the cut
     * @param times  how many requests (at least 1)
     * @return these faults
     */
    public Faults cutAfterBytes(String method, String path, long bytes, int times) {
        return add(method, path, new Fault(Fault.Kind.CUT, 0, 0, Duration.ZERO, bytes), times);
    }

    /** @return these faults, with every rule not used up yet removed */
    public synchronized Faults clear() {
        rules.clear();
        return this;
    }

    private synchronized Faults add(String method, String path, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + times);
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), path, fault, times));
        return this;
    }

    /** Internal, for the emulator's HTTP server: the fault for one request, which uses up one of its rule's times. */
    @Override
    public synchronized Fault take(String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(method, path)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule.fault;
            }
        }
        return null;
    }

    private static final class Rule {
        private final String method;
        private final String path;
        private final Fault fault;
        private int remaining;

        Rule(String method, String path, Fault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String requestPath) {
            if (!method.equals(requestMethod)) {
                return false;
            }
            return path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1)) : path.equals(requestPath);
        }
    }
}
