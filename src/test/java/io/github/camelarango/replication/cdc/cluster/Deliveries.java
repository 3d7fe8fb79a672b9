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
package io.github.camelarango.replication.cdc.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document changes a sink received from a cluster, each with the shard and DB-Server it was read from, and what
 * the fail-over tests ask of them: every acknowledged write there, nothing nobody wrote, duplicates only where
 * allowed, from which server. Thread-safe (a route's sink adds from the consumer thread).
 */
public final class Deliveries {

    /**
     * One document change received.
     *
     * @param change   {@link #change} of it
     * @param shard    the shard it was read from
     * @param server   the id of the DB-Server it was read from
     * @param snapshot whether the snapshot read it
     */
    public record Delivery(String change, String shard, String server, boolean snapshot) {
    }

    private final List<Delivery> received = new ArrayList<>();

    /** The name of a change: write or delete, collection, key and revision (of a delete: the removed one). */
    public static String change(String collection, String key, String rev, boolean delete) {
        return (delete ? "delete " : "write ") + collection + "/" + key + "@" + rev;
    }

    /** Adds a delivered event if it is a document change (snapshot row, upsert, delete). */
    public void add(ChangeEvent event) {
        if (event.type() == ChangeType.SNAPSHOT_READ || event.type() == ChangeType.UPSERT
                || event.type() == ChangeType.DELETE) {
            add(new Delivery(change(event.collection(), event.key(), event.rev(), event.type() == ChangeType.DELETE),
                    event.origin().shard(), event.origin().serverId(), event.snapshot()));
        }
    }

    public synchronized void add(Delivery delivery) {
        received.add(delivery);
    }

    /** @return every delivery so far, in order */
    public synchronized List<Delivery> all() {
        return List.copyOf(received);
    }

    /** @return how many deliveries so far (an index for {@link #since}) */
    public synchronized int size() {
        return received.size();
    }

    /** @return the deliveries from index {@code from} on */
    public synchronized List<Delivery> since(int from) {
        return List.copyOf(received.subList(from, received.size()));
    }

    /** @return the DB-Servers the changes were read from */
    public Set<String> servers() {
        Set<String> servers = new HashSet<>();
        all().forEach(d -> servers.add(d.server()));
        return servers;
    }

    /** @return the DB-Servers the changes of the tail (not snapshot rows) were read from */
    public Set<String> tailServers() {
        Set<String> servers = new HashSet<>();
        all().stream().filter(d -> !d.snapshot()).forEach(d -> servers.add(d.server()));
        return servers;
    }

    /** @return the acknowledged writes that were not delivered, in the order they were acknowledged */
    public List<String> missing(List<AcknowledgedWriter.Ack> acks) {
        Set<String> delivered = new HashSet<>();
        all().forEach(d -> delivered.add(d.change()));
        return acks.stream().map(AcknowledgedWriter.Ack::change).filter(c -> !delivered.contains(c)).toList();
    }

    /**
     * @return the changes of the tail (not snapshot rows) that no acknowledged write made: a follower's copy or a
     *         resynchronisation delivered as a user change
     */
    public List<String> unacknowledged(List<AcknowledgedWriter.Ack> acks) {
        Set<String> written = new HashSet<>();
        acks.forEach(a -> written.add(a.change()));
        return all().stream().filter(d -> !d.snapshot() && !written.contains(d.change()))
                .map(d -> d.change() + " from " + d.shard() + " on " + d.server()).toList();
    }

    /**
     * @param allowed the shards whose changes may come twice (the fail-over window)
     * @return the changes delivered more than once of other shards, with their count and shards
     */
    public List<String> duplicatesOutside(Set<String> allowed) {
        Map<String, List<Delivery>> byChange = new TreeMap<>();
        all().forEach(d -> byChange.computeIfAbsent(d.change(), c -> new ArrayList<>()).add(d));
        List<String> wrong = new ArrayList<>();
        byChange.forEach((change, deliveries) -> {
            if (deliveries.size() > 1 && deliveries.stream().anyMatch(d -> !allowed.contains(d.shard()))) {
                wrong.add(change + " x" + deliveries.size() + " " + deliveries);
            }
        });
        return wrong;
    }

    /**
     * What a fail-over that went on without loss leaves: every write acknowledged from the {@code from}th on delivered
     * (the earlier ones were made before the stream, whose snapshot shows only their last state); no change of the
     * tail no one wrote; a change twice only of a failed-over shard; and the writes to the failed-over shards after
     * the fail-over read from their new leaders.
     */
    public void assertWithoutLoss(AcknowledgedWriter writer, int from, FailOver failOver) {
        List<AcknowledgedWriter.Ack> acks = writer.acks();
        assertEquals(List.of(), missing(writer.acksSince(from)), "every acknowledged write delivered");
        assertEquals(List.of(), unacknowledged(acks), "only changes someone wrote");
        Map<String, String> newLeaders = failOver.newLeaders();
        assertEquals(List.of(), duplicatesOutside(newLeaders.keySet()),
                "a change twice only of a failed-over shard " + newLeaders.keySet());
        assertTrue(failOver.doneAt() > 0, failOver + " was seen done");
        Set<String> afterFailOver = new HashSet<>();
        acks.stream().filter(a -> a.at() > failOver.doneAt()).forEach(a -> afterFailOver.add(a.change()));
        List<Delivery> later = all().stream()
                .filter(d -> afterFailOver.contains(d.change()) && newLeaders.containsKey(d.shard())).toList();
        assertFalse(later.isEmpty(), "writes to the failed-over shards " + newLeaders.keySet()
                + " after the fail-over were delivered");
        assertEquals(List.of(), later.stream().filter(d -> !d.server().equals(newLeaders.get(d.shard()))).toList(),
                "the writes after the fail-over read from the new leaders " + newLeaders);
    }

    /** @return the shard each delivered change was read from (the last one when read from several) */
    public Map<String, String> shardOfChange() {
        Map<String, String> shards = new HashMap<>();
        all().forEach(d -> shards.put(d.change(), d.shard()));
        return shards;
    }
}
