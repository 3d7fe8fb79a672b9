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
package io.github.camelarango.replication.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.ReplicationOperation;
import io.github.camelarango.replication.client.RevisionDocumentsRequest;
import io.github.camelarango.replication.client.RevisionRange;
import io.github.camelarango.replication.client.RevisionRangesRequest;
import io.github.camelarango.replication.client.RevisionTreeRequest;

/**
 * The revision-based sync operations: revision tree, revision ranges and documents by revision. The ranges and the
 * revisions come in the message body.
 */
final class RevisionOperations {

    private RevisionOperations() {
    }

    static void register(Map<ReplicationOperation, OperationHandler> handlers) {
        handlers.put(ReplicationOperation.REVISION_TREE, (client, request, result) -> result.body(client.revisionTree(
                new RevisionTreeRequest(request.requiredCollection(), request.requiredBatchId(), null))));
        handlers.put(ReplicationOperation.REVISION_RANGES, RevisionOperations::revisionRanges);
        handlers.put(ReplicationOperation.REVISION_DOCUMENTS, RevisionOperations::revisionDocuments);
    }

    /** Body: a RevisionRangesRequest, a list of RevisionRange or of [min, max] pairs, or that list as JSON text. */
    private static void revisionRanges(ArangoReplicationClient client, RequestParameters request, ResultWriter result) {
        Object body = request.body();
        RevisionRangesRequest ranges = body instanceof RevisionRangesRequest given
                ? given
                : new RevisionRangesRequest(request.requiredCollection(), request.requiredBatchId(), ranges(body),
                        request.resume());
        result.body(client.revisionRanges(ranges));
    }

    /** Body: a RevisionDocumentsRequest, a list of revision strings, or that list as JSON text. */
    private static void revisionDocuments(ArangoReplicationClient client, RequestParameters request,
                                          ResultWriter result) {
        Object body = request.body();
        RevisionDocumentsRequest documents = body instanceof RevisionDocumentsRequest given
                ? given
                : new RevisionDocumentsRequest(request.requiredCollection(), request.requiredBatchId(), revisions(body));
        result.body(client.revisionDocuments(documents));
    }

    private static List<RevisionRange> ranges(Object body) {
        List<RevisionRange> ranges = new ArrayList<>();
        for (Object element : list(body, "revisionRanges", "[[\"<minRev>\",\"<maxRev>\"], …]")) {
            if (element instanceof RevisionRange range) {
                ranges.add(range);
            } else if (element instanceof List<?> pair && pair.size() == 2) {
                ranges.add(new RevisionRange(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
            } else {
                throw badBody("revisionRanges", "[[\"<minRev>\",\"<maxRev>\"], …]", element);
            }
        }
        return ranges;
    }

    private static List<String> revisions(Object body) {
        List<String> revisions = new ArrayList<>();
        for (Object element : list(body, "revisionDocuments", "[\"<rev>\", …]")) {
            if (!(element instanceof String revision)) {
                throw badBody("revisionDocuments", "[\"<rev>\", …]", element);
            }
            revisions.add(revision);
        }
        return revisions;
    }

    private static List<?> list(Object body, String operation, String shape) {
        if (body instanceof List<?> list) {
            return list;
        }
        if (body instanceof String json) {
            try {
                JsonNode node = Json.mapper().readTree(json);
                if (node.isArray()) {
                    return Json.mapper().convertValue(node, List.class);
                }
            } catch (JsonProcessingException e) {
                // reported below with the expected shape
            }
        }
        throw badBody(operation, shape, body);
    }

    private static IllegalArgumentException badBody(String operation, String shape, Object value) {
        String type = value == null ? "null" : value.getClass().getName();
        return new IllegalArgumentException(
                "Operation " + operation + " needs the message body as a list or JSON array " + shape + ", got " + type);
    }
}
