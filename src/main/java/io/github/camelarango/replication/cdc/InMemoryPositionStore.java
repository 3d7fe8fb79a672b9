package io.github.camelarango.replication.cdc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PositionStore} in memory: positions survive a stream's restart but not the JVM's. For tests and demos. */
public final class InMemoryPositionStore implements PositionStore {

    private final Map<String, ChangePosition> positions = new ConcurrentHashMap<>();

    @Override
    public Optional<ChangePosition> load(String key) {
        return Optional.ofNullable(positions.get(key));
    }

    @Override
    public void save(String key, ChangePosition position) {
        positions.put(key, position);
    }
}
