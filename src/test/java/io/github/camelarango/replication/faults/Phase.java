package io.github.camelarango.replication.faults;

/** Where in the stream a fault lands. */
enum Phase {
    /** while the snapshot is being dumped (after some rows were delivered) */
    SNAPSHOT,
    /** when the last snapshot row is delivered: between the dump and the first tail answers */
    HANDOFF,
    /** while the events of a large WAL transaction are being read or delivered */
    IN_TRANSACTION,
    /** while tailing the WAL, after some changes were delivered */
    TAIL
}
