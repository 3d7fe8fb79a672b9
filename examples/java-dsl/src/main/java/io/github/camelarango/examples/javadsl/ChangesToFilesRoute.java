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
package io.github.camelarango.examples.javadsl;

import org.apache.camel.builder.RouteBuilder;

/**
 * Change data capture to files: the snapshot of the collection, then every change of the write-ahead log, appended as
 * one JSON line to {@code {{output.dir}}/<collection>.jsonl}: the consumer's body is the document's JSON text as the
 * server wrote it ({@code {_key,_rev}} for a delete), so it goes to the file as it is. The consumer commits its
 * position to {@code {{offsets.file}}} only after the line was written, so a restart resumes where it stopped,
 * without loss.
 */
public class ChangesToFilesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("arango-replication:changes?collections={{orders.collection}}&snapshotMode=initial"
                + "&offsetFile={{offsets.file}}")
                .routeId("orders-to-files")
                .to("file:{{output.dir}}?fileName=${header.CamelArangoReplicationCollection}.jsonl"
                        + "&fileExist=Append&appendChars=\\n");
    }
}
