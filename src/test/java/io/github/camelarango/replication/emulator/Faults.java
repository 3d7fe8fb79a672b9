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
 * Each rule applies to the given number of matching requests, then disappears.
 */
public final class Faults implements Fault.Source {

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code times} matching requests are answered with {@code status}/{@code errorNum}. */
    public Faults failNext(String method, String path, int status, int errorNum, int times) {
        return add(method, path, new Fault(Fault.Kind.FAIL, status, errorNum, Duration.ZERO, 0), times);
    }

    /** The next {@code times} matching requests are handled after {@code delay}. */
    public Faults delay(String method, String path, Duration delay, int times) {
        return add(method, path, new Fault(Fault.Kind.DELAY, 0, 0, delay, 0), times);
    }

    /** The next {@code times} matching responses are cut (connection reset) after {@code bytes} body bytes. */
    public Faults cutAfterBytes(String method, String path, long bytes, int times) {
        return add(method, path, new Fault(Fault.Kind.CUT, 0, 0, Duration.ZERO, bytes), times);
    }

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
