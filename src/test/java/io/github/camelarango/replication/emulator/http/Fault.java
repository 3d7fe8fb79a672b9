package io.github.camelarango.replication.emulator.http;

import java.time.Duration;

/** One injected fault, applied by {@link HttpServer} to a matching request. */
public record Fault(Kind kind, int status, int errorNum, Duration delay, long cutAfterBytes) {

    /** What the fault does. */
    public enum Kind {
        /** answer with an error instead of calling the handler */
        FAIL,
        /** wait before handling the request */
        DELAY,
        /** send the headers and the first bytes of the body, then reset the connection */
        CUT
    }

    /** Looks up (and consumes) the fault for a request, or returns null. */
    public interface Source {
        Fault take(String method, String path);
    }
}
