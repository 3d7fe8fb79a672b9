package io.github.camelarango.replication.emulator.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body of known length that is written when the response is sent. Large bodies (dump, tail)
 * implement it to produce their bytes while writing, never holding the whole body in memory.
 */
public interface Body {

    long length();

    void writeTo(OutputStream out) throws IOException;

    static Body of(byte[] bytes) {
        return new Body() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    Body EMPTY = of(new byte[0]);
}
