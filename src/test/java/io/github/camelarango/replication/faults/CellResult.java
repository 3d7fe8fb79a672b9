package io.github.camelarango.replication.faults;

/**
 * What one run of a cell did.
 *
 * @param status   PASS, FAIL or SKIPPED (awaiting a fix)
 * @param observed what happened: CONVERGED, STOPPED_LOUDLY then CONVERGED, or how it went wrong
 * @param lost     documents the downstream copy got wrong at the end (-1 when not measured)
 * @param why      one line: the failure, the awaited item, or empty
 */
record CellResult(Cell cell, long seed, String status, String observed, int lost, int duplicates, long millis,
                  String why) {
}
