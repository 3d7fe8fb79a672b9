package io.github.camelarango.replication;

import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The producer against ArangoDB 3.11 (single server): every operation, including the leader/follower ones.
 */
class ProducerOnArango311IT extends LegacyProducerEmulatorTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER
            = ArangoEmulatorExtension.create(builder -> builder.version("3.11.4").authentication("root", "secret"));

    @Override
    protected ArangoEmulatorExtension server() {
        return SERVER;
    }
}
