package io.github.camelarango.replication.offsets;

/**
 * The refusal of a commit by a deposed owner of an offset key: another stream claimed the key since (its claim took
 * a newer epoch), so this one must stop delivering; its commit would move the other's position, maybe backwards.
 * Thrown by the {@code setState} of a store that fences ({@link JdbcStateRepository}).
 */
public final class OffsetFencedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String offsetKey;

    /**
     * @param epoch  the epoch of the deposed claim
     * @param holder who holds the key now, as a claim refusal names it
     */
    public OffsetFencedException(String offsetKey, long epoch, String holder) {
        super("offsetKey '" + offsetKey + "' was claimed by " + holder + " since this stream claimed it (epoch "
              + epoch + "); the commit of this deposed stream is refused so that two streams never write one "
              + "position, and it stops delivering. Restart it to run it again once the other one stopped");
        this.offsetKey = offsetKey;
    }

    /** The key whose claim was lost. */
    public String offsetKey() {
        return offsetKey;
    }
}
