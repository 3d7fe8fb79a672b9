package io.github.camelarango.examples.javadsl;

import org.apache.camel.builder.RouteBuilder;

/**
 * Change data capture to files: the snapshot of the collection, then every change of the write-ahead log, appended as
 * one JSON line (the document; {@code {_key,_rev}} for a delete) to {@code {{output.dir}}/<collection>.jsonl}. The
 * consumer commits its position to {@code {{offsets.file}}} only after the line was written, so a restart resumes
 * where it stopped, without loss.
 */
public class ChangesToFilesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("arango-replication:changes?collections={{orders.collection}}&snapshotMode=initial"
                + "&offsetFile={{offsets.file}}")
                .routeId("orders-to-files")
                .marshal().json()
                .to("file:{{output.dir}}?fileName=${header.CamelArangoReplicationCollection}.jsonl"
                        + "&fileExist=Append&appendChars=\\n");
    }
}
