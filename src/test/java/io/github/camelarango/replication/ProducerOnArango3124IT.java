package io.github.camelarango.replication;

import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The producer against ArangoDB 3.12 before 3.12.10 (single server): every operation, including the leader/follower ones.
 */
class ProducerOnArango3124IT extends LegacyProducerEmulatorTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER
            = ArangoEmulatorExtension.create(builder -> builder.version("3.12.4").authentication("root", "secret"));

    @Override
    protected ArangoEmulatorExtension server() {
        return SERVER;
    }
}
