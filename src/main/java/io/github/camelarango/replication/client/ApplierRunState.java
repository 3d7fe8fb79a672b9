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
package io.github.camelarango.replication.client;

/**
 * The {@code state} object of an applier state.
 *
 * @param started                     time of the last start, {@code ""} if never
 * @param running                     whether the applier runs
 * @param phase                       {@code inactive}, {@code running}, {@code initial}, {@code shutdown}
 * @param lastAppliedContinuousTick   last applied tick, null if none
 * @param lastProcessedContinuousTick last processed tick, null if none
 * @param lastAvailableContinuousTick last tick available at the leader, null if none
 * @param safeResumeTick              tick to resume from safely, null if none
 * @param ticksBehind                 only while running
 * @param progress                    last progress message
 * @param totalRequests               requests sent
 * @param totalFailedConnects         failed connects
 * @param totalEvents                 events applied
 * @param totalDocuments              documents applied
 * @param totalRemovals               removals applied
 * @param totalResyncs                resyncs done
 * @param totalOperationsExcluded     operations filtered out
 * @param totalApplyTime              seconds
 * @param averageApplyTime            seconds
 * @param totalFetchTime              seconds
 * @param averageFetchTime            seconds
 * @param lastError                   last error (errorNum 0 when none)
 * @param time                        server time
 */
public record ApplierRunState(String started, boolean running, String phase,
        @UnsignedTick Long lastAppliedContinuousTick, @UnsignedTick Long lastProcessedContinuousTick,
        @UnsignedTick Long lastAvailableContinuousTick, @UnsignedTick Long safeResumeTick, Long ticksBehind,
        ApplierProgress progress, Long totalRequests, Long totalFailedConnects, Long totalEvents, Long totalDocuments,
        Long totalRemovals, Long totalResyncs, Long totalOperationsExcluded, Double totalApplyTime,
        Double averageApplyTime, Double totalFetchTime, Double averageFetchTime, ApplierError lastError, String time) {
}
