package io.github.camelarango.replication.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a newline-delimited JSON body into its lines as they arrive: each line is handed out as its own byte array
 * (the terminator and a preceding {@code \r} removed) as soon as its newline was read, and blank lines are skipped.
 * JSON text cannot hold a raw newline, so a line is one value (docs/protocol.md §1.2). Memory is the read buffer
 * (grown to the longest line) and the line handed out.
 */
final class JsonLines {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[BUFFER];
    /** The unread bytes are {@code buffer[start..end)}; bytes before {@code scanned} hold no newline. */
    private int start;
    private int end;
    private int scanned;
    private int lineNumber;
    private boolean eof;

    JsonLines(InputStream in) {
        this.in = in;
    }

    /** The number of the line last handed out, counting from 1 (blank lines are counted too). */
    int lineNumber() {
        return lineNumber;
    }

    /** The next non-blank line, or null at the end of the body. */
    byte[] next() throws IOException {
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = take(i);
                    start = i + 1;
                    scanned = start;
                    if (line != null) {
                        return line;
                    }
                }
            }
            scanned = end;
            if (eof) {
                byte[] last = start < end ? take(end) : null;
                start = end;
                return last;
            }
            fill();
        }
    }

    /** The line {@code buffer[start..newline)}, counted; null when it is blank. */
    private byte[] take(int newline) {
        lineNumber++;
        int stop = newline;
        if (stop > start && buffer[stop - 1] == '\r') {
            stop--;
        }
        for (int i = start; i < stop; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return Arrays.copyOfRange(buffer, start, stop);
            }
        }
        return null;
    }

    /** Reads more bytes: moves the unread ones to the front, grows the buffer when they fill it. */
    private void fill() throws IOException {
        int unread = end - start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, unread);
            start = 0;
            end = unread;
            scanned = unread;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }
}
