package io.github.camelarango.replication.client;

/**
 * {@code state.progress} of an applier state.
 *
 * @param time           time of the message
 * @param message        progress text
 * @param failedConnects failed connects so far
 */
public record ApplierProgress(String time, String message, Long failedConnects) {
}
