package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An inclusive range of document revisions ({@code _rev} encoded), sent as the two-element array
 * {@code ["<min>","<max>"]}.
 *
 * @param min lowest revision
 * @param max highest revision
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "min", "max" })
public record RevisionRange(String min, String max) {

    /** Validates: both bounds required. */
    public RevisionRange {
        Require.notBlank("min", min);
        Require.notBlank("max", max);
    }
}
