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

/**
 * One cell of the matrix: a fault at a phase, what the scenario does, the outcome it must have (with the health
 * message fragment and the recovery step of a loud stop), and the issue 12 item whose fix it waits for, if any.
 *
 * @param awaits      "12.&lt;n&gt;" when the cell fails on the code before that item's fix (skipped unless
 *                    {@code -Dfaults.awaiting=true} or the item is listed in {@code -Dfaults.fixed}), else null
 * @param expectation one line: what must happen, and why
 */
record Cell(Fault fault, Phase phase, Outcome expected, String fragment, String awaits, boolean childJvm,
            Step scenario, Step recovery, Check check, String expectation) {

    /** A part of a cell, run against its {@link FaultRun}. */
    @FunctionalInterface
    interface Step {
        void run(FaultRun run) throws Exception;
    }

    /** An extra assertion: null when it holds, else what is wrong. */
    @FunctionalInterface
    interface Check {
        String problem(FaultRun run);
    }

    String name() {
        return fault + " x " + phase;
    }

    /** A cell that must converge. */
    static Cell converges(Fault fault, Phase phase, String expectation, Step scenario) {
        return new Cell(fault, phase, Outcome.CONVERGED, null, null, false, scenario, null, null, expectation);
    }

    /** A cell that must stop loudly, then converge after {@code recovery}. */
    static Cell stopsLoudly(Fault fault, Phase phase, String fragment, String expectation, Step scenario, Step recovery) {
        return new Cell(fault, phase, Outcome.STOPPED_LOUDLY, fragment, null, false, scenario, recovery, null, expectation);
    }

    Cell awaiting(String item) {
        return new Cell(fault, phase, expected, fragment, item, childJvm, scenario, recovery, check, expectation);
    }

    Cell inChildJvm() {
        return new Cell(fault, phase, expected, fragment, awaits, true, scenario, recovery, check, expectation);
    }

    Cell checking(Check extra) {
        return new Cell(fault, phase, expected, fragment, awaits, childJvm, scenario, recovery, extra, expectation);
    }
}
