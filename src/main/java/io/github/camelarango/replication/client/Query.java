package io.github.camelarango.replication.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query string of a request: parameters with null values are left out, names and values are percent-encoded. */
final class Query {

    private final StringBuilder text = new StringBuilder();

    Query add(String name, Object value) {
        if (value != null) {
            text.append(text.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value.toString()));
        }
        return this;
    }

    Query addTick(String name, Long tick) {
        return add(name, tick == null ? null : Ticks.format(tick));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
