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
package io.github.camelarango.replication.emulator.http;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * An edit of a line-delimited response body (dump, tail): the first line containing some bytes is replaced by a
 * rewrite of it, or a new line is put before it. Bytes, not text, so that a rewrite may produce invalid UTF-8.
 *
 * @param containing bytes the line must contain (empty: the first line)
 * @param rewrite    turns the line (without its newline) into its replacement; null when inserting
 * @param inserted   the line to put before it (without newline); null when rewriting
 */
public record LineEdit(byte[] containing, UnaryOperator<byte[]> rewrite, byte[] inserted) {

    /**
     * @param body a whole body
     * @param containing bytes a line must contain (empty: any line)
     * @return the offset of the first byte of the first line containing them, or -1
     */
    public static int lineStart(byte[] body, byte[] containing) {
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            int lineEnd = end < 0 ? body.length : end;
            if (contains(Arrays.copyOfRange(body, start, lineEnd), containing)) {
                return start;
            }
            start = lineEnd + 1;
        }
        return -1;
    }

    /**
     * @param body a whole body
     * @return the edited body, or null when no line contains the bytes
     */
    public byte[] apply(byte[] body) {
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            int lineEnd = end < 0 ? body.length : end;
            byte[] line = Arrays.copyOfRange(body, start, lineEnd);
            if (contains(line, containing)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
                out.write(body, 0, start);
                if (inserted != null) {
                    out.writeBytes(inserted);
                    out.write('\n');
                    out.writeBytes(line);
                } else {
                    out.writeBytes(rewrite.apply(line));
                }
                out.write(body, lineEnd, body.length - lineEnd);
                return out.toByteArray();
            }
            start = lineEnd + 1;
        }
        return null;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(byte[] line, byte[] part) {
        return indexOf(line, part) >= 0;
    }

    /**
     * @param bytes the bytes to search
     * @param part  the bytes to find
     * @return the index of the first occurrence of {@code part} in {@code bytes}, or -1
     */
    public static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
