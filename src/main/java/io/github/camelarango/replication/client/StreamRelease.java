package io.github.camelarango.replication.client;

/** Gives a streamed response's connection back: reused when the body was read to its end, discarded otherwise. */
@FunctionalInterface
interface StreamRelease {

    void release(boolean fullyRead);
}
