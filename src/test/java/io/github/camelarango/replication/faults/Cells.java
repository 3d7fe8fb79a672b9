/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.github.camelarango.replication.emulator.BadLines;
import io.github.camelarango.replication.emulator.Faults;
import io.github.camelarango.replication.emulator.HotBackup;

import static io.github.camelarango.replication.faults.Cell.converges;
import static io.github.camelarango.replication.faults.Cell.stopsLoudly;
import static io.github.camelarango.replication.faults.FaultRun.DB;

/**
 * The matrix: every cell with its scenario and expected outcome. The expectations are those of issue 12 and the lead's
 * design notes; a cell that fails on today's code is marked with the item whose fix it awaits.
 */
final class Cells {

    private static final String DUMP = "/_api/replication/dump";
    private static final String TAIL = "/_api/wal/tail";
    private static final int BURST = 3;
    private static final int PERSISTENT = 1_000_000;

    private Cells() {
    }

    // recovery steps (README: "when the position is lost", the repaired server)

    /** Take a new snapshot (positionLostPolicy=RESNAPSHOT) and reload the downstream copy from it. */
    static final Cell.Step RESNAPSHOT = r -> {
        r.reloadDownstream();
        r.restartWith("positionLostPolicy=RESNAPSHOT");
    };
    /** The answers are right again (proxy or server repaired); the consumer retries by itself. */
    static final Cell.Step REPAIRED = r -> r.faults().clear();
    /** The answers are right again, and the route is restarted (a sticky stop is left by a restart). */
    static final Cell.Step REPAIRED_AND_RESTARTED = r -> {
        r.faults().clear();
        r.stop();
        r.start();
    };
    static final Cell.Step SKIP_UNKNOWN_MARKERS = r -> r.restartWith("unknownMarkerPolicy=SKIP");

    static List<Cell> all() {
        List<Cell> cells = new ArrayList<>();
        transport(cells);
        batches(cells);
        purges(cells);
        processes(cells);
        servers(cells);
        collections(cells);
        load(cells);
        answers(cells);
        return cells;
    }

    private static void transport(List<Cell> cells) {
        String retried = "a failed call is retried from the committed position; nothing is lost";
        for (Fault fault : List.of(Fault.CONNECTION_RESET, Fault.SERVER_ERRORS)) {
            boolean reset = fault == Fault.CONNECTION_RESET;
            BiConsumer<Faults, String> onNextAnswer = reset ? (f, path) -> f.cutAfterBytes("GET", path, 300, 1)
                    : (f, path) -> f.failNext("GET", path, 503, 503, BURST);
            Consumer<Faults> midTransaction = reset ? f -> f.cutAtLine("GET", TAIL, "\"_key\":\"midtx\"", 1)
                    : f -> f.failAtLine("GET", TAIL, "\"_key\":\"midtx\"", 503, 503, BURST);
            cells.add(converges(fault, Phase.SNAPSHOT, retried + " (the snapshot resumes with a new batch)", r -> {
                r.at(Phase.SNAPSHOT, () -> onNextAnswer.accept(r.faults(), DUMP));
                r.workload.run(20);
            }));
            cells.add(converges(fault, Phase.HANDOFF, retried, r -> {
                onNextAnswer.accept(r.faults(), TAIL); // the first tail answers come after the snapshot
                r.at(Phase.SNAPSHOT, () -> r.workload.run(20));
                r.workload.run(20);
            }));
            cells.add(converges(fault, Phase.IN_TRANSACTION, retried + " (the transaction is read again whole)", r -> {
                r.start();
                r.awaitSnapshot();
                midTransaction.accept(r.faults());
                r.workload.transaction(150, true, "midtx");
                r.workload.run(20);
            }));
            cells.add(converges(fault, Phase.TAIL, retried, r -> {
                r.at(Phase.TAIL, () -> onNextAnswer.accept(r.faults(), TAIL));
                r.workload.run(20);
            }));
        }
    }

    private static void batches(List<Cell> cells) {
        cells.add(converges(Fault.BATCH_EXPIRY, Phase.SNAPSHOT,
                "a batch the server lost is replaced by a new one and the snapshot resumes, without stopping (item 8); "
                + "the registration at the snapshot tick keeps the WAL in between",
                r -> {
                    r.at(Phase.SNAPSHOT, r.emulator::expireAllBatches);
                    r.workload.run(20);
                }).awaiting("12.8"));
        cells.add(converges(Fault.BATCH_EXPIRY, Phase.HANDOFF, "the snapshot is complete: the tail goes on from its tick",
                r -> {
                    r.at(Phase.HANDOFF, r.emulator::expireAllBatches);
                    r.workload.run(20);
                }));
        cells.add(converges(Fault.SLOW_SINK, Phase.SNAPSHOT,
                "a timer keeps the batch alive while the route is slow (item 8)", r -> {
                    r.options("batchTtl=3000");
                    r.at(Phase.SNAPSHOT, () -> Thread.sleep(4500));
                    r.workload.run(20);
                }).awaiting("12.8"));
        cells.add(converges(Fault.SLOW_SINK, Phase.HANDOFF,
                "the snapshot is complete: an expired hand-off batch costs nothing while the WAL is kept", r -> {
                    r.options("batchTtl=3000");
                    r.at(Phase.HANDOFF, () -> Thread.sleep(4500));
                    r.workload.run(20);
                }));
    }

    private static void purges(List<Cell> cells) {
        for (Phase phase : Phase.values()) {
            cells.add(stopsLoudly(Fault.FORCED_WAL_PURGE, phase, "lost its position",
                    "changes were purged before they were read: the stream stops, DOWN, and names the recovery",
                    r -> {
                        r.at(phase, () -> {
                            r.workload.run(20);
                            r.emulator.purgeWalUpTo(r.emulator.lastTick());
                        });
                        r.workload.run(10);
                    }, RESNAPSHOT));
        }
        String kept = "the registration at the committed position (the snapshot tick while snapshotting) keeps the WAL "
                      + "the consumer still needs through a stop longer than the batch TTL (item 4)";
        cells.add(converges(Fault.SERVER_PURGE_WHILE_STOPPED, Phase.SNAPSHOT, kept, r -> {
            r.at(Phase.SNAPSHOT, r::stopFromTheRoute);
            purgeWhileStopped(r);
        }).awaiting("12.4"));
        cells.add(converges(Fault.SERVER_PURGE_WHILE_STOPPED, Phase.HANDOFF,
                kept + "; the first tail call fails, which releases the hand-off batch (item 4c)", r -> {
                    r.faults().failNext("GET", TAIL, 503, 503, 1);
                    r.at(Phase.SNAPSHOT, () -> r.workload.run(20));
                    r.at(Phase.HANDOFF, r::stopFromTheRoute);
                    purgeWhileStopped(r);
                }).awaiting("12.4"));
        for (Phase phase : List.of(Phase.IN_TRANSACTION, Phase.TAIL)) {
            cells.add(converges(Fault.SERVER_PURGE_WHILE_STOPPED, phase,
                    kept + "; the JVM is killed with tail answers read ahead of its committed position (item 4a)", r -> {
                        r.options("maxEventsPerPoll=500");
                        r.start();
                        r.awaitSnapshot();
                        r.kill();
                        // a backlog of several tail chunks, all read in the first poll after the restart
                        r.workload.run(100);
                        String tx = phase == Phase.IN_TRANSACTION ? r.workload.transaction(150, true, null) : null;
                        r.workload.run(200);
                        int base = r.sink.documentChanges();
                        java.util.concurrent.CountDownLatch killed = r.sink.when(tx != null
                                ? (s, d) -> tx.equals(d.txId()) && s.transactionEvents(tx) >= 20
                                : (s, d) -> s.documentChanges() >= base + 40, r::kill);
                        r.start();
                        r.sink.await(killed, tx != null ? "20 events into the transaction" : "40 changes into the backlog");
                        purgeWhileStopped(r);
                    }).inChildJvm().awaiting("12.4"));
        }
    }

    /**
     * Nothing is missing when the server kept everything from the committed position on, even though the last
     * delivered change (older, followed by filtered markers) is gone: a continuity check must not call that lost.
     */
    private static void purgePastWitness(List<Cell> cells) {
        cells.add(converges(Fault.SERVER_PURGE_PAST_WITNESS, Phase.TAIL,
                "the WAL from the committed position on is intact: resuming is safe, whatever was purged before it",
                r -> {
                    r.start();
                    r.awaitSnapshot();
                    r.workload.run(30);
                    awaitCaughtUp(r);
                    r.workload.runUncaptured(20);
                    Thread.sleep(1500); // the idle stream saves its position past the filtered markers
                    r.stop();
                    List<Delivery> delivered = r.sink.deliveries();
                    r.emulator.purgeWalUpTo(Long.parseLong(delivered.get(delivered.size() - 1).tick()));
                    r.start();
                    r.workload.run(20);
                }));
    }

    /** While the route is stopped: writes, the emulator clock passes the batch TTL, and the server purges its WAL. */
    private static void purgeWhileStopped(FaultRun r) throws Exception {
        r.joinStop();
        r.workload.run(30);
        r.emulator.clock().advance(Duration.ofMinutes(11));
        r.emulator.purgeWal();
        r.start();
        r.workload.run(10);
    }

    private static void processes(List<Cell> cells) {
        purgePastWitness(cells);
        for (Phase phase : Phase.values()) {
            cells.add(converges(Fault.CONTEXT_STOP, phase,
                    "a new CamelContext resumes from the committed position: at-least-once", r -> {
                        r.at(phase, r::stopFromTheRoute);
                        r.joinStop();
                        r.workload.run(20);
                        r.start();
                        r.workload.run(10);
                    }));
        }
        for (Phase phase : Phase.values()) {
            cells.add(converges(Fault.SIGKILL, phase,
                    "the restarted JVM resumes from the position in the offset file: at-least-once", r -> {
                        r.at(phase, r::kill);
                        r.workload.run(20);
                        r.start();
                        r.workload.run(10);
                    }).inChildJvm());
        }
    }

    private static void servers(List<Cell> cells) {
        String restored = "the server went back to a backup: its ticks now name other changes; the position is lost, "
                          + "loudly (item 1)";
        cells.add(stopsLoudly(Fault.RESTORED_SERVER, Phase.SNAPSHOT, "backup", restored, r -> {
            HotBackup backup = r.emulator.hotBackup();
            r.workload.run(20);
            long before = r.emulator.lastTick();
            // after the first collection completed under the old batch: its rows include writes the restore undid
            r.atSnapshotDocument(r.seedDocuments + 5 + r.random.nextInt(r.seedDocuments / 2),
                    () -> r.emulator.restoreHotBackup(backup));
            afterRestore(r, before);
        }, RESNAPSHOT).awaiting("12.1"));
        cells.add(stopsLoudly(Fault.RESTORED_SERVER, Phase.HANDOFF, "backup", restored, r -> {
            HotBackup backup = r.emulator.hotBackup();
            r.workload.run(20);
            long before = r.emulator.lastTick();
            r.at(Phase.HANDOFF, () -> r.emulator.restoreHotBackup(backup));
            afterRestore(r, before);
        }, RESNAPSHOT).awaiting("12.1"));
        cells.add(stopsLoudly(Fault.RESTORED_SERVER, Phase.IN_TRANSACTION, "backup", restored, r -> {
            r.start();
            r.awaitSnapshot();
            HotBackup backup = r.emulator.hotBackup();
            long[] before = new long[1];
            r.at(Phase.IN_TRANSACTION, () -> {
                before[0] = r.emulator.lastTick();
                r.emulator.restoreHotBackup(backup);
            });
            afterRestore(r, before[0]);
        }, RESNAPSHOT).awaiting("12.1"));
        cells.add(stopsLoudly(Fault.RESTORED_SERVER, Phase.TAIL, "backup", restored, r -> {
            r.start();
            r.awaitSnapshot();
            r.workload.run(30);
            HotBackup backup = r.emulator.hotBackup();
            r.workload.run(40);
            awaitCaughtUp(r);
            restoreWhileStopped(r, backup);
        }, RESNAPSHOT).awaiting("12.1"));

        cells.add(stopsLoudly(Fault.RESTORED_SERVER_PAST_WITNESS, Phase.TAIL, "backup",
                restored + "; the last delivered change is older than the backup, the committed position is not: a "
                + "witness at the last delivered change would not see the difference", r -> {
                    r.start();
                    r.awaitSnapshot();
                    r.workload.run(30);
                    awaitCaughtUp(r);
                    HotBackup backup = r.emulator.hotBackup();
                    r.workload.runUncaptured(20);
                    Thread.sleep(1500); // the idle stream saves its position past the filtered markers
                    restoreWhileStopped(r, backup);
                }, RESNAPSHOT).awaiting("12.1"));

        String replaced = "another server answers: a position of the old one is lost, loudly (item 1)";
        for (Phase phase : List.of(Phase.SNAPSHOT, Phase.HANDOFF)) {
            cells.add(stopsLoudly(Fault.REPLACED_SERVER, phase, "is not server", replaced, r -> {
                long[] before = new long[1];
                r.at(phase, () -> {
                    before[0] = r.emulator.lastTick();
                    r.emulator.replaceServer();
                });
                r.recreateSchemaAndData(r.seedDocuments);
                r.writePast(before[0]);
            }, RESNAPSHOT).awaiting("12.1"));
        }
        cells.add(stopsLoudly(Fault.REPLACED_SERVER, Phase.TAIL, "is not server", replaced, r -> {
            r.start();
            r.awaitSnapshot();
            r.workload.run(40);
            awaitCaughtUp(r);
            r.stop();
            long before = r.emulator.lastTick();
            r.emulator.replaceServer();
            r.recreateSchemaAndData(r.seedDocuments);
            r.writePast(before);
            r.start();
        }, RESNAPSHOT).awaiting("12.1"));
    }

    /** The route stops, the server goes back to the backup and gets new writes past the old ticks, the route starts. */
    private static void restoreWhileStopped(FaultRun r, HotBackup backup) throws Exception {
        r.stop();
        long before = r.emulator.lastTick();
        r.emulator.restoreHotBackup(backup);
        afterRestore(r, before);
        r.start();
    }

    /** New driver, the workload's keys as restored, and writes whose ticks pass what the consumer saw before. */
    private static void afterRestore(FaultRun r, long lastTickBefore) {
        r.reconnect();
        r.resyncWorkload();
        r.writePast(lastTickBefore);
    }

    private static void awaitCaughtUp(FaultRun r) throws InterruptedException {
        if (r.awaitConverged() != 0) {
            throw new AssertionError("the stream did not catch up before the fault: " + r.replay().differences(r.truth(), 5));
        }
    }

    private static void collections(List<Cell> cells) {
        Cell.Check renameDelivered = r -> r.sink.count(d -> "COLLECTION_RENAME".equals(d.type())) > 0 ? null
                : "no COLLECTION_RENAME was delivered";
        for (Phase phase : List.of(Phase.SNAPSHOT, Phase.HANDOFF, Phase.TAIL)) {
            cells.add(converges(Fault.COLLECTION_RENAME, phase,
                    "the rename is delivered and the collection is followed under its new name (item 6)", r -> {
                        r.at(phase, () -> r.rename("orders", "orders_renamed"));
                        r.workload.run(30);
                    }).checking(phase == Phase.SNAPSHOT ? null : renameDelivered));
        }
        cells.add(converges(Fault.COLLECTION_DROP, Phase.SNAPSHOT,
                "a collection dropped during its dump is delivered as dropped (item 6)", r -> {
                    r.atSnapshotDocument(r.seedDocuments + 5 + r.random.nextInt(r.seedDocuments / 2),
                            () -> r.drop("customers"));
                    r.workload.run(20);
                }));
        for (Phase phase : List.of(Phase.HANDOFF, Phase.TAIL)) {
            cells.add(converges(Fault.COLLECTION_DROP, phase, "the drop of a captured collection is delivered", r -> {
                r.at(phase, () -> r.drop("customers"));
                r.workload.run(20);
            }));
        }
        cells.add(converges(Fault.COLLECTION_DROP_WHILE_STOPPED, Phase.TAIL,
                "the drop is delivered under the collection's name although the consumer did not run (item 6)", r -> {
                    r.start();
                    r.awaitSnapshot();
                    r.workload.run(30);
                    awaitCaughtUp(r);
                    r.stop();
                    r.drop("customers");
                    r.workload.run(10);
                    r.start();
                }));
        for (Phase phase : List.of(Phase.SNAPSHOT, Phase.TAIL)) {
            cells.add(converges(Fault.TRUNCATE_SMALL, phase, "the removes of the truncate are delivered", r -> {
                r.at(phase, () -> r.truncate("customers"));
                r.workload.run(20);
            }));
        }
        cells.add(converges(Fault.TRUNCATE_LARGE, Phase.TAIL, "the 2004 marker is delivered as COLLECTION_TRUNCATE",
                r -> {
                    r.options("maxEventsPerPoll=500&snapshotMaxChunkSize=1048576");
                    r.generate("customers", 33_000);
                    r.at(Phase.TAIL, () -> r.truncate("customers"));
                    r.workload.run(20);
                }));
    }

    private static void load(List<Cell> cells) {
        cells.add(converges(Fault.LARGE_TRANSACTION, Phase.IN_TRANSACTION,
                "a transaction beyond the buffer is streamed through with the position held until its commit (item 9)",
                r -> {
                    r.options("maxEventsPerPoll=500&transactionBufferSize=262144");
                    r.start();
                    r.awaitSnapshot();
                    r.workload.largeTransaction("orders", 30_000);
                    r.workload.run(10);
                }));
    }

    private static void answers(List<Cell> cells) {
        String badLine = "a bad line stops the stream once, DOWN, naming where and the way out (badLinePolicy) (item 10)";
        String longString = "a string beyond Jackson's default 20 M characters is delivered as it came: documents are "
                            + "kept as their bytes, not parsed into values (issue 13)";
        for (Fault fault : List.of(Fault.MALFORMED_LINE, Fault.INVALID_UTF8, Fault.LONG_STRING)) {
            java.util.function.UnaryOperator<byte[]> bad = switch (fault) {
                case MALFORMED_LINE -> BadLines.truncated();
                case INVALID_UTF8 -> BadLines.invalidUtf8();
                default -> BadLines.longString(20_000_001);
            };
            int times = fault == Fault.LONG_STRING ? 1 : PERSISTENT; // a converging cell uses its rules up
            Cell.Step inSnapshot = r -> {
                String key = r.workload.existingKey("customers");
                r.faults().rewriteLine("GET", DUMP, "\"_key\":\"" + key + "\"", bad, times);
                r.start();
            };
            Cell.Step inTail = r -> {
                r.start();
                r.awaitSnapshot();
                r.workload.run(10);
                r.faults().rewriteLine("GET", TAIL, "\"_key\":\"bad1\"", bad, times);
                r.workload.insert("orders", "bad1");
                r.workload.run(10);
            };
            if (fault == Fault.LONG_STRING) {
                cells.add(converges(fault, Phase.SNAPSHOT, longString, inSnapshot));
                cells.add(converges(fault, Phase.TAIL, longString, inTail));
            } else {
                cells.add(stopsLoudly(fault, Phase.SNAPSHOT, "badLinePolicy", badLine, inSnapshot,
                        REPAIRED_AND_RESTARTED));
                cells.add(stopsLoudly(fault, Phase.TAIL, "badLinePolicy", badLine, inTail, REPAIRED_AND_RESTARTED));
            }
        }
        cells.add(stopsLoudly(Fault.MALFORMED_LINE, Phase.IN_TRANSACTION, "badLinePolicy", badLine, r -> {
            r.start();
            r.awaitSnapshot();
            r.faults().rewriteLine("GET", TAIL, "\"_key\":\"badtx\"", BadLines.truncated(), PERSISTENT);
            r.workload.transaction(150, true, "badtx");
            r.workload.run(10);
        }, REPAIRED_AND_RESTARTED));

        String unknown = "an unknown marker stops the stream, naming tick, type and database and unknownMarkerPolicy (item 5)";
        for (Fault fault : List.of(Fault.UNKNOWN_MARKER, Fault.MARKER_WITHOUT_TYPE, Fault.MARKER_TEXT_TYPE,
                Fault.LEGACY_EDGE_MARKER)) {
            cells.add(stopsLoudly(fault, Phase.TAIL, "unknownMarkerPolicy", unknown, r -> {
                r.start();
                r.awaitSnapshot();
                r.workload.run(10);
                r.emulator.appendRawWalMarker(DB, marker(fault, r.cuid("orders")));
                r.workload.run(10);
            }, SKIP_UNKNOWN_MARKERS));
        }

        cells.add(stopsLoudly(Fault.MISSING_FROMPRESENT, Phase.TAIL, "x-arango-replication-frompresent",
                "without frompresent a purge cannot be told from a healthy answer: an invalid answer, DOWN (item 7)",
                r -> {
                    r.start();
                    r.awaitSnapshot();
                    r.workload.run(20);
                    awaitCaughtUp(r);
                    r.stop();
                    r.workload.run(20);
                    r.emulator.purgeWalUpTo(r.emulator.lastTick());
                    r.workload.run(10);
                    r.faults().dropHeader("GET", TAIL, "x-arango-replication-frompresent", PERSISTENT);
                    r.start();
                }, r -> {
                    r.faults().clear();
                    RESNAPSHOT.run(r);
                }));
        cells.add(stopsLoudly(Fault.MISSING_TAIL_LASTINCLUDED, Phase.TAIL, "x-arango-replication-lastincluded",
                "an invalid answer: DOWN while it lasts, retried, converges once repaired", r -> {
                    r.start();
                    r.awaitSnapshot();
                    r.faults().dropHeader("GET", TAIL, "x-arango-replication-lastincluded", PERSISTENT);
                    r.workload.run(20);
                }, REPAIRED));
        cells.add(stopsLoudly(Fault.MISSING_CHECKMORE, Phase.SNAPSHOT, "x-arango-replication-checkmore",
                "an invalid answer: DOWN while it lasts, retried, converges once repaired", r -> {
                    r.faults().dropHeader("GET", DUMP, "x-arango-replication-checkmore", PERSISTENT);
                    r.start();
                }, REPAIRED));
        cells.add(stopsLoudly(Fault.MISSING_DUMP_LASTINCLUDED, Phase.SNAPSHOT, "x-arango-replication-lastincluded",
                "checkmore: true without lastincluded is an invalid answer, not the end of the collection (item 7)", r -> {
                    r.faults().dropHeader("GET", DUMP, "x-arango-replication-lastincluded", PERSISTENT);
                    r.start();
                }, REPAIRED));
    }

    private static String marker(Fault fault, String cuid) {
        return switch (fault) {
            case UNKNOWN_MARKER -> "{\"type\":9999,\"db\":\"" + DB + "\",\"data\":{}}";
            case MARKER_WITHOUT_TYPE -> "{\"db\":\"" + DB + "\",\"cuid\":\"" + cuid + "\",\"data\":{\"_key\":\"x1\"}}";
            case MARKER_TEXT_TYPE -> "{\"type\":\"document\",\"db\":\"" + DB + "\",\"tid\":\"0\",\"cuid\":\"" + cuid
                                     + "\",\"data\":{\"_key\":\"x2\",\"_id\":\"orders/x2\",\"_rev\":\"_aaaaaaaaaa\"}}";
            default -> "{\"type\":2301,\"db\":\"" + DB + "\",\"tid\":\"0\",\"cuid\":\"" + cuid + "\",\"data\":{\"_key\":\"e1\","
                       + "\"_id\":\"orders/e1\",\"_rev\":\"_aaaaaaaaaa\",\"_from\":\"customers/a\",\"_to\":\"customers/b\"}}";
        };
    }
}
