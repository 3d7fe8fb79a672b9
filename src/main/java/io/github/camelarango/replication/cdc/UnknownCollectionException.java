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
package io.github.camelarango.replication.cdc;

/**
 * The collection named in a tail's server-side {@code collection=} filter is unknown to the server (404, errorNum
 * 1203): it was dropped or renamed since the stream started.
 */
public class UnknownCollectionException extends ChangeStreamException {

    public UnknownCollectionException(String collection, Throwable cause) {
        super("collection '" + collection + "' is unknown to the server (dropped or renamed?)", cause);
    }
}
