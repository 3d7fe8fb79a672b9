/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Body;
import io.github.camelarango.replication.emulator.http.Fault;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.LineEdit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fault injection, per method and path. The path is matched against the request path without the
 * {@code /_db/<name>} prefix and without the query string, exactly, or as a prefix when it ends with {@code *}.
 * <p>
 * Request rules (fail, delay) apply to the given number of matching requests, then disappear; the first matching
 * rule wins. A cut applies to the given number of matching answers long enough to be cut. Response rules (drop a header, edit a body line) change the answer the server made; each is
 * used up only by an answer it changed (one that has the header, or a line containing the given text), so a rule for
 * "the next tail answer with a document of key k1" waits for that answer. A burst of server errors is
 * {@link #failNext} with {@code times} &gt; 1.
 * <pre>{@code
 * emulator.faults().failNext("GET", "/_api/wal/tail", 503, 503, 2);                 // two 503 answers
 * emulator.faults().delay("GET", "/_api/replication/dump", Duration.ofSeconds(2), 1);
 * emulator.faults().cutAfterBytes("GET", "/_api/replication/dump", 100, 1);       // connection reset mid-body
 * emulator.faults().dropHeader("GET", "/_api/wal/tail", "x-arango-replication-frompresent", 1);
 * emulator.faults().cutAtLine("GET", "/_api/wal/tail", "\"_key\":\"k7\"", 1);          // reset inside that line
 * emulator.faults().rewriteLine("GET", "/_api/wal/tail", "\"_key\":\"k1\"", BadLines.truncated(), 1);
 * }</pre>
 * Obtained from {@link ArangoEmulator#faults()}; part of the emulator test kit's public API. Thread-safe.
 */
public final class Faults implements Fault.Source {

    private final List<Rule<Fault>> rules = new ArrayList<>();
    private final List<Rule<ResponseChange>> responseRules = new ArrayList<>();

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
     * The next {@code times} matching answers whose body is longer than {@code bytes} are cut (connection reset) after
     * that many body bytes. Shorter answers (an empty 204) pass unchanged and do not use the rule up, so a cut set up
     * while a client polls an idle WAL lands in the next answer that carries markers.
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

    /**
     * The next {@code times} matching answers that carry the header are sent without it (e.g. a proxy that drops
     * {@code x-arango-replication-frompresent}).
     *
     * @param method the HTTP method
     * @param path   the path, or a prefix ending with {@code *}
     * @param header the header's name (any case)
     * @param times  how many answers (at least 1)
     * @return these faults
     */
    public Faults dropHeader(String method, String path, String header, int times) {
        Objects.requireNonNull(header, "header");
        return addResponseRule(method, path, response -> response.header(header) == null ? null : response.withoutHeader(header), times);
    }

    /**
     * In the next {@code times} matching answers whose body has a line containing {@code containing}, the first such
     * line is replaced by {@code rewrite} of it (see {@link BadLines} for malformed JSON, invalid UTF-8 and overlong
     * strings). Answers without such a line pass unchanged and do not use the rule up.
     *
     * @param method     the HTTP method
     * @param path       the path, or a prefix ending with {@code *}
     * @param containing text the line must contain, e.g. {@code "_key":"k7"} (empty: the first line)
     * @param rewrite    the line's bytes (without newline) to its replacement
     * @param times      how many answers (at least 1)
     * @return these faults
     */
    public Faults rewriteLine(String method, String path, String containing, UnaryOperator<byte[]> rewrite, int times) {
        Objects.requireNonNull(rewrite, "rewrite");
        return addLineEdit(method, path, new LineEdit(utf8(containing), rewrite, null), times);
    }

    /**
     * In the next {@code times} matching answers whose body has a line containing {@code before}, a line is put
     * before the first such line. Answers without such a line pass unchanged and do not use the rule up.
     *
     * @param method the HTTP method
     * @param path   the path, or a prefix ending with {@code *}
     * @param before text of the line to insert before (empty: the first line)
     * @param line   the bytes of the new line, without newline (may be anything, invalid JSON or UTF-8 included)
     * @param times  how many answers (at least 1)
     * @return these faults
     */
    public Faults injectLine(String method, String path, String before, byte[] line, int times) {
        Objects.requireNonNull(line, "line");
        return addLineEdit(method, path, new LineEdit(utf8(before), null, line.clone()), times);
    }

    /**
     * The next {@code times} matching answers whose body has a line containing {@code containing} are cut (connection
     * reset) in the middle of the first such line: a reset that lands at a chosen point, e.g. inside a transaction.
     * Answers without such a line pass unchanged and do not use the rule up.
     *
     * @param method     the HTTP method
     * @param path       the path, or a prefix ending with {@code *}
     * @param containing text the line must contain, e.g. {@code "_key":"k7"} (empty: the first line)
     * @param times      how many answers (at least 1)
     * @return these faults
     */
    public Faults cutAtLine(String method, String path, String containing, int times) {
        byte[] part = utf8(containing);
        return addResponseRule(method, path, response -> {
            if (response.status() != 200) {
                return null;
            }
            int start = LineEdit.lineStart(bytes(response), part);
            return start < 0 ? null : response.cutAfterBytes(start + 10);
        }, times);
    }

    /**
     * The next {@code times} matching answers whose body has a line containing {@code containing} are replaced by an
     * ArangoDB error answer: a server error that hits the answer carrying a chosen change. Answers without such a line
     * pass unchanged and do not use the rule up.
     *
     * @param method     the HTTP method
     * @param path       the path, or a prefix ending with {@code *}
     * @param containing text the line must contain
     * @param status     the HTTP status
     * @param errorNum   the body's {@code errorNum}
     * @param times      how many answers (at least 1)
     * @return these faults
     */
    public Faults failAtLine(String method, String path, String containing, int status, int errorNum, int times) {
        byte[] part = utf8(containing);
        return addResponseRule(method, path, response -> {
            if (response.status() != 200 || LineEdit.lineStart(bytes(response), part) < 0) {
                return null;
            }
            return new ArangoException(status, errorNum, "injected fault").toResponse();
        }, times);
    }

    /**
     * @return how many rules are not used up yet (a test can check that the fault it set up did happen)
     */
    public synchronized int pending() {
        return rules.size() + responseRules.size();
    }

    /** @return these faults, with every rule not used up yet removed */
    public synchronized Faults clear() {
        rules.clear();
        responseRules.clear();
        return this;
    }

    private static byte[] utf8(String text) {
        return Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
    }

    private Faults addLineEdit(String method, String path, LineEdit edit, int times) {
        return addResponseRule(method, path, response -> {
            if (response.status() != 200) {
                return null;
            }
            byte[] edited = edit.apply(bytes(response));
            return edited == null ? null : response.body(Body.of(edited));
        }, times);
    }

    /** Buffers a body once (it may be rendered while written); the response keeps the buffered copy. */
    private static byte[] bytes(HttpResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(response.body().length(), 1 << 20));
        try {
            response.body().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        response.body(Body.of(bytes));
        return bytes;
    }

    private synchronized Faults addResponseRule(String method, String path, ResponseChange change, int times) {
        checkTimes(times);
        responseRules.add(new Rule<>(method.toUpperCase(Locale.ROOT), path, change, times));
        return this;
    }

    private static void checkTimes(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + times);
        }
    }

    private synchronized Faults add(String method, String path, Fault fault, int times) {
        checkTimes(times);
        rules.add(new Rule<>(method.toUpperCase(Locale.ROOT), path, fault, times));
        return this;
    }

    /** Internal, for the emulator's HTTP server: the error or delay of one request, using up one of its rule's times. */
    @Override
    public synchronized Fault take(String method, String path) {
        return take(method, path, fault -> fault.kind() != Fault.Kind.CUT);
    }

    /** Internal, for the emulator's HTTP server: the cut of an answer with a body of that length, used up if any. */
    @Override
    public synchronized Fault takeCut(String method, String path, long bodyLength) {
        return take(method, path, fault -> fault.kind() == Fault.Kind.CUT && fault.cutAfterBytes() < bodyLength);
    }

    private Fault take(String method, String path, java.util.function.Predicate<Fault> applies) {
        for (Iterator<Rule<Fault>> it = rules.iterator(); it.hasNext(); ) {
            Rule<Fault> rule = it.next();
            if (rule.matches(method, path) && applies.test(rule.action)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule.action;
            }
        }
        return null;
    }

    /** Internal, for the emulator's HTTP server: the first response rule that changes the answer, used up once. */
    @Override
    public synchronized HttpResponse rewrite(String method, String path, HttpResponse response) {
        for (Iterator<Rule<ResponseChange>> it = responseRules.iterator(); it.hasNext(); ) {
            Rule<ResponseChange> rule = it.next();
            if (rule.matches(method, path)) {
                HttpResponse changed = rule.action.apply(response);
                if (changed != null) {
                    if (--rule.remaining == 0) {
                        it.remove();
                    }
                    return changed;
                }
            }
        }
        return response;
    }

    /** A change of an answer: the changed answer, or null when there is nothing to change in it. */
    @FunctionalInterface
    private interface ResponseChange {
        HttpResponse apply(HttpResponse response);
    }

    /** A rule: what to do to the matching requests or answers, and how many more times. */
    private static final class Rule<T> {
        private final String method;
        private final String path;
        private final T action;
        private int remaining;

        Rule(String method, String path, T action, int remaining) {
            this.method = method;
            this.path = path;
            this.action = action;
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
