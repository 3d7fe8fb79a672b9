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
package io.github.camelarango.replication.client;

/**
 * {@code state.lastError} of an applier state; errorNum 0 means no error.
 *
 * @param errorNum     ArangoDB error number
 * @param errorMessage error text, null when no error
 * @param time         when it happened, null when no error
 */
public record ApplierError(int errorNum, String errorMessage, String time) {
}
