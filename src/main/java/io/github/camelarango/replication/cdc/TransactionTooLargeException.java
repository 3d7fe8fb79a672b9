package io.github.camelarango.replication.cdc;

/** A WAL transaction holds more events than the configured buffer limit allows. */
public class TransactionTooLargeException extends ChangeStreamException {

    public TransactionTooLargeException(String transactionId, int limit) {
        super("WAL transaction " + transactionId + " has more than " + limit + " buffered events (option "
                + "maxTransactionEvents=" + limit + "); events of a transaction are held until its commit marker so "
                + "that no partial transaction is delivered. Raise maxTransactionEvents (heap permitting) or narrow "
                + "the collection filter.");
    }
}
