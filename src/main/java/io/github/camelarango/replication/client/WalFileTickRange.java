package io.github.camelarango.replication.client;

/**
 * One WAL file of logger-tick-ranges.
 *
 * @param datafile path relative to the WAL directory ({@code /archive/...} when archived)
 * @param status   {@code collected} or {@code open}
 * @param tickMin  first tick of the file
 * @param tickMax  last tick of the file
 */
public record WalFileTickRange(String datafile, String status, @UnsignedTick long tickMin, @UnsignedTick long tickMax) {
}
