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

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelarango.replication.client.Require;

/**
 * Which changes a stream delivers: collection include and exclude lists (by name), system collections
 * ({@code _}-prefixed, off by default) and operation types. Gaps and unknown markers are not subject to the
 * operation types.
 * <p>
 * An empty include list means every collection. A collection in both lists is excluded. Changes that concern no
 * collection (database create/drop, gaps) pass the collection rules unless an include list is set; gaps always
 * pass. The filter is applied by the engine and pushed to the server where the API allows: the snapshot dumps
 * only the accepted collections of the inventory, and a single included collection becomes the tail's
 * {@code collection=} parameter ({@link #serverSideCollection()}).
 */
public final class ChangeFilter {

    private final Set<String> include;
    private final Set<String> exclude;
    private final boolean includeSystem;
    private final Set<ChangeType> types;

    public ChangeFilter(Set<String> include, Set<String> exclude, boolean includeSystem, Set<ChangeType> types) {
        this.include = Set.copyOf(new TreeSet<>(include));
        this.exclude = Set.copyOf(new TreeSet<>(exclude));
        this.includeSystem = includeSystem;
        if (types.isEmpty()) {
            throw Require.invalid("changeTypes", types, "at least one of " + EnumSet.allOf(ChangeType.class)
                                                        + " (with none nothing would ever be delivered)");
        }
        this.types = Set.copyOf(types);
    }

    /** Everything except system collections. */
    public static ChangeFilter acceptAll() {
        return new ChangeFilter(Set.of(), Set.of(), false, ChangeType.all());
    }

    /** Whether the collection's changes (and its snapshot) are wanted. */
    public boolean acceptsCollection(String name) {
        if (name == null) {
            return include.isEmpty();
        }
        if (name.startsWith("_") && !includeSystem) {
            return false;
        }
        return (include.isEmpty() || include.contains(name)) && !exclude.contains(name);
    }

    /** Whether changes of this type are wanted at all: gaps and unknown markers always are (their policies decide). */
    public boolean acceptsType(ChangeType type) {
        return type == ChangeType.GAP || type == ChangeType.UNKNOWN || types.contains(type);
    }

    /**
     * Whether a change of this type in this collection (null when none) is wanted. Gaps always are; an
     * {@link ChangeType#UNKNOWN unknown marker} is whenever its collection is (or it names none): the
     * {@link UnknownMarkerPolicy} decides about it, not the operation types.
     */
    public boolean accepts(ChangeType type, String collection) {
        if (type == ChangeType.GAP) {
            return true;
        }
        if (type == ChangeType.UNKNOWN) {
            return collection == null || acceptsCollection(collection);
        }
        return types.contains(type) && acceptsCollection(collection);
    }

    /** The one collection to name in the tail's {@code collection=} parameter, when exactly one is included. */
    public Optional<String> serverSideCollection() {
        if (include.size() != 1) {
            return Optional.empty();
        }
        String only = include.iterator().next();
        return acceptsCollection(only) ? Optional.of(only) : Optional.empty();
    }

    /**
     * This filter for exactly the collections {@code names} (no exclusions), with its other rules, and the drops of
     * those collections whatever the change types: a cluster's stream of one DB-Server, whose collections are the
     * shards it leads, and which stops at the drop of one (the shard moved away: its WAL is not continuous after it).
     */
    public ChangeFilter restrictedTo(Set<String> names) {
        Set<ChangeType> withDrops = EnumSet.of(ChangeType.COLLECTION_DROP);
        withDrops.addAll(types);
        return new ChangeFilter(names, Set.of(), includeSystem, withDrops);
    }

    /** Whether the server should include system collections (only when asked for). */
    public boolean includeSystem() {
        return includeSystem;
    }
}
