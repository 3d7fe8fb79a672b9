package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code PUT /_api/replication/revisions/ranges}: for each requested range, the revisions present.
 *
 * @param ranges one list of revisions per requested range (empty lists kept)
 * @param resume present when the answer was truncated: send the same request again with this resume value
 * @param raw    the complete answer
 */
public record RevisionRanges(List<List<String>> ranges, String resume,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {

    /** Normalizes absent ranges to an empty list. */
    public RevisionRanges {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    /** Whether the server truncated the answer. */
    public boolean truncated() {
        return resume != null && !resume.isEmpty();
    }
}
