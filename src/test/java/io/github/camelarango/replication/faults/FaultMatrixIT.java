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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault suite of issue 12: the {@code changes} consumer, the emulator and a recording sink, driven through every
 * cell of {@link Cells} (fault x phase). Each cell must end as it says: CONVERGED (the sink's replay equals the
 * emulator's documents by collection, _key and _rev) or STOPPED_LOUDLY (health DOWN naming what happened, nothing
 * delivered after it, and CONVERGED after the documented recovery step). Duplicates are counted, not failed.
 * <p>
 * Properties: {@code -Dfaults.seed=<n>} replays a run (each cell prints its seed); {@code -Dfaults.soak=true} runs
 * every cell with 5 seeds and 3 times the documents; {@code -Dfaults.cells=RESTORED,SIGKILL} runs the cells whose
 * name contains one of the texts; {@code -Dfaults.awaiting=true} also runs the cells that await a fix of issue 12 (they
 * fail on the code before it), and {@code -Dfaults.fixed=12.1,12.4} the cells of the listed items only. The table of
 * results is printed at the end and written to {@code target/fault-matrix.md}.
 */
class FaultMatrixIT {

    private static final boolean SOAK = Boolean.getBoolean("faults.soak");
    private static final long BASE_SEED = Long.getLong("faults.seed", System.nanoTime());
    private static final List<CellResult> RESULTS = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> matrix() {
        String filter = System.getProperty("faults.cells", "");
        List<String> wanted = filter.isBlank() ? List.of() : Arrays.asList(filter.split(","));
        System.out.println("Fault matrix: base seed " + BASE_SEED + " (-Dfaults.seed=" + BASE_SEED + " replays it)"
                           + (SOAK ? ", soak" : ""));
        return Cells.all().stream()
                .filter(c -> wanted.isEmpty() || wanted.stream().anyMatch(w -> c.name().contains(w.trim())))
                .flatMap(c -> {
                    int runs = SOAK ? 5 : 1;
                    return java.util.stream.IntStream.range(0, runs).mapToObj(i -> {
                        long seed = seed(c, i);
                        return DynamicTest.dynamicTest(c.name() + " (seed " + seed + ")", () -> run(c, seed));
                    });
                });
    }

    private static long seed(Cell cell, int run) {
        return BASE_SEED * 31 + cell.name().hashCode() * 17L + run;
    }

    private static boolean enabled(String item) {
        if (item == null || Boolean.getBoolean("faults.awaiting")) {
            return true;
        }
        Set<String> fixed = Arrays.stream(System.getProperty("faults.fixed", "").split(",")).map(String::trim)
                .collect(Collectors.toSet());
        return fixed.contains(item);
    }

    private static void run(Cell cell, long seed) throws Exception {
        if (!enabled(cell.awaits())) {
            record(new CellResult(cell, seed, "SKIPPED", "-", -1, 0, 0, "awaits " + cell.awaits()));
            Assumptions.abort("awaits issue " + cell.awaits() + " (" + cell.expectation()
                              + "); -Dfaults.fixed=" + cell.awaits() + " or -Dfaults.awaiting=true runs it");
        }
        long started = System.nanoTime();
        Path dir = Path.of("target", "faults", (cell.fault() + "-" + cell.phase() + "-" + seed).toLowerCase());
        String observed = "?";
        int lost = -1;
        int duplicates = 0;
        try (FaultRun r = new FaultRun(seed, SOAK ? 450 : 150, cell.childJvm(), dir)) {
            try {
                cell.scenario().run(r);
                if (cell.expected() == Outcome.STOPPED_LOUDLY) {
                    Optional<String> message = r.awaitDown(cell.fragment());
                    if (message.isEmpty()) {
                        lost = r.replay().lost(r.truth());
                        boolean down = r.health().map(h -> h.getState() == HealthCheck.State.DOWN).orElse(false);
                        observed = (lost == 0 ? "CONVERGED" : "DIVERGED")
                                   + (down ? ", DOWN with another message" : " without stopping");
                        throw new AssertionError("expected a loud stop naming '" + cell.fragment() + "'; the health check"
                                                 + " says: " + r.healthNow() + "; the copy differs in " + lost
                                                 + " documents: " + r.replay().differences(r.truth(), 3));
                    }
                    int delivered = r.sink.size();
                    Thread.sleep(1000);
                    if (r.sink.size() != delivered) {
                        observed = "DOWN but delivering";
                        throw new AssertionError("DOWN (" + message.get() + ") but " + (r.sink.size() - delivered)
                                                 + " changes were delivered after it");
                    }
                    observed = "STOPPED_LOUDLY";
                    cell.recovery().run(r);
                    r.workload.run(10);
                }
                lost = r.awaitConverged();
                Replay replay = r.replay();
                duplicates = replay.duplicates();
                if (lost != 0) {
                    observed = (observed.equals("STOPPED_LOUDLY") ? "STOPPED_LOUDLY, then " : "") + "DIVERGED";
                    throw new AssertionError("the copy differs from the server in " + lost + " documents ("
                                             + replay.differences(r.truth(), 4) + "); health: " + r.healthNow());
                }
                observed = (observed.equals("STOPPED_LOUDLY") ? "STOPPED_LOUDLY, then " : "") + "CONVERGED";
                if (r.faults().pending() != 0) {
                    throw new AssertionError("the injected fault never happened: " + r.faults().pending()
                                             + " rule(s) not used up");
                }
                String problem = cell.check() == null ? null : cell.check().problem(r);
                if (problem != null) {
                    throw new AssertionError(problem);
                }
                record(new CellResult(cell, seed, "PASS", observed, 0, duplicates, millis(started), ""));
            } catch (Throwable e) {
                record(new CellResult(cell, seed, "FAIL", observed, lost, duplicates, millis(started),
                        oneLine(e.getMessage())));
                throw new AssertionError(cell.name() + " (seed " + seed + ", " + String.join(", ", r.notes()) + "): "
                                         + e.getMessage(), e);
            }
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static synchronized void record(CellResult result) {
        RESULTS.add(result);
    }

    @AfterAll
    static void printTable() throws IOException {
        StringBuilder table = new StringBuilder("| fault | phase | expected | outcome | status | runs | lost | duplicates | ms | note |\n"
                                               + "|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<CellResult>> byCell = new LinkedHashMap<>();
        RESULTS.forEach(r -> byCell.computeIfAbsent(r.cell().name(), k -> new ArrayList<>()).add(r));
        byCell.forEach((name, runs) -> {
            CellResult first = runs.get(0);
            Cell c = first.cell();
            String status = runs.stream().map(CellResult::status).distinct().collect(Collectors.joining("/"));
            String outcome = runs.stream().map(CellResult::observed).distinct().collect(Collectors.joining(" / "));
            int lost = runs.stream().mapToInt(CellResult::lost).max().orElse(-1);
            int duplicates = runs.stream().mapToInt(CellResult::duplicates).sum();
            long ms = runs.stream().mapToLong(CellResult::millis).sum();
            String note = runs.stream().map(CellResult::why).filter(w -> !w.isEmpty()).findFirst().orElse("");
            table.append("| ").append(c.fault()).append(" | ").append(c.phase()).append(" | ")
                    .append(c.expected() == Outcome.CONVERGED ? "CONVERGED" : "STOPPED_LOUDLY (" + c.fragment() + ")")
                    .append(" | ").append(outcome).append(" | ").append(status).append(" | ").append(runs.size())
                    .append(" | ").append(lost < 0 ? "-" : lost).append(" | ").append(duplicates).append(" | ")
                    .append(ms).append(" | ").append(note.replace("|", "/")).append(" |\n");
        });
        System.out.println("\nFault matrix (base seed " + BASE_SEED + "):\n" + table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-matrix.md"), "Base seed " + BASE_SEED + "\n\n" + table);
    }
}
