package io.github.camelarango.replication.cdc;

/**
 * What a {@link ChangeStream} does when a collection it captures is renamed to a name its collection filter does not
 * capture (not in the included collections, or excluded). The rename itself is always delivered, as a
 * {@link ChangeType#COLLECTION_RENAME} event whose data names the new {@code name} and the {@code oldName}. A rename
 * to a name the filter captures anyway is simply followed.
 */
public enum CollectionRenamePolicy {
    /**
     * Keep capturing the collection under its new name (the default): the stream follows the collection's identity,
     * also across restarts (the position lists the captured collections).
     */
    FOLLOW,
    /**
     * Stop after delivering the rename, with a {@link CollectionRenamedException} naming the old and the new name and
     * the way out; the position stays before the rename, so a restart with the collections option naming the new
     * name delivers the rename again and goes on.
     */
    FAIL
}
