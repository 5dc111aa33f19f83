package io.sentiflow.ingest.replay;

import io.sentiflow.avro.Sentiment;

/**
 * A valid dataset row, ready to be written: the author is already a pseudonym.
 *
 * @param label the row's sentiment, or null when the row is unlabelled
 */
record DatasetRecord(String id, String thread, String author, String text, String language, long eventTime,
    Sentiment label) {}
