package io.github.camelarango.replication.client;

/**
 * The {@code state} object of logger-state, inventory and batch creation.
 *
 * @param running                always true on RocksDB
 * @param lastLogTick            latest WAL tick (in an inventory: the batch snapshot tick)
 * @param lastUncommittedLogTick same as lastLogTick on RocksDB
 * @param totalEvents            same number as lastLogTick on RocksDB
 * @param time                   server time {@code YYYY-MM-DDTHH:MM:SSZ}
 */
public record ReplicationState(boolean running, @UnsignedTick Long lastLogTick, @UnsignedTick Long lastUncommittedLogTick,
        @UnsignedTick Long totalEvents, String time) {
}
