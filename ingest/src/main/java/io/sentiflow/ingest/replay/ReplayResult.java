package io.sentiflow.ingest.replay;

/**
 * What a replay did.
 *
 * @param rowsRead data rows read from the file
 * @param commentsSent comments written to the comments topic (a repeated id with the same content is written once)
 * @param distinctCommentIds distinct comment ids among them
 * @param labelsSent labels written to the labels topic
 * @param skippedRows invalid rows (missing id or text, bad timestamp, unknown label, id reused with
 *     other content), each written to the rejected topic with its reason
 * @param duplicateRows rows that repeated an earlier id with the same content and were not written again
 */
public record ReplayResult(long rowsRead, long commentsSent, long distinctCommentIds, long labelsSent,
    long skippedRows, long duplicateRows) {}
