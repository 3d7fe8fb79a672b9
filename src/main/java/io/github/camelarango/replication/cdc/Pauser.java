package io.github.camelarango.replication.cdc;

/** Sleeps that {@link #wake()} (called on close) cuts short. */
final class Pauser {

    private boolean woken;

    /**
     * Waits up to {@code millis}; returns early when woken or interrupted (keeping the interrupt flag).
     *
     * @return false when woken (the caller should stop), true otherwise
     */
    synchronized boolean pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long remaining = millis;
        while (!woken && remaining > 0) {
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !woken;
            }
            remaining = (deadline - System.nanoTime()) / 1_000_000L;
        }
        return !woken;
    }

    /** Ends the current and every later pause at once. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }
}
