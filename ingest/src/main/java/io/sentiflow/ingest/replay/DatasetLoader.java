package io.sentiflow.ingest.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentiflow.ingest.privacy.AuthorPseudonymizer;
import io.sentiflow.ingest.validate.DuplicateFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a dataset into the comments a replay writes: valid rows only (the others are handed to
 * the rejection sink as they are read), each id once, in event-time order when the dataset asks
 * for it (which reads the whole file first), capped at {@code maxComments}.
 */
final class DatasetLoader {

  /** An invalid row: why, its comment id when known, and the row with the author pseudonymised. */
  record Rejection(String reason, byte[] key, byte[] original) {}

  /** Repeated ids are remembered for the whole file: the shipped datasets are far smaller than this. */
  private static final int MAX_REMEMBERED_IDS = 10_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReplayConfig config;
  private final Consumer<Rejection> rejections;
  private final RowMapper mapper;
  private final DuplicateFilter duplicates = new DuplicateFilter(MAX_REMEMBERED_IDS);
  private long rowsRead;
  private long rejectedRows;
  private long duplicateRows;

  DatasetLoader(ReplayConfig config, Consumer<Rejection> rejections) {
    this.config = config;
    this.rejections = rejections;
    this.mapper = new RowMapper(config.dataset(), new AuthorPseudonymizer(config.privacy().pseudonymKey()),
        config.privacy().maskMentions(), config.maxTextChars());
  }

  /** The comments to replay; close the stream to close the file. */
  Stream<DatasetRecord> comments() {
    long limit = config.maxComments() == 0 ? Long.MAX_VALUE : config.maxComments();
    if (!config.dataset().sortByEventTime()) {
      return validRows().limit(limit);
    }
    List<DatasetRecord> records;
    try (Stream<DatasetRecord> valid = validRows()) {
      records = valid.collect(Collectors.toCollection(ArrayList::new));
    }
    // Stable: rows with the same time keep their file order.
    records.sort(Comparator.comparingLong(DatasetRecord::eventTime));
    return records.stream().limit(limit);
  }

  long rowsRead() {
    return rowsRead;
  }

  long rejectedRows() {
    return rejectedRows;
  }

  long duplicateRows() {
    return duplicateRows;
  }

  private Stream<DatasetRecord> validRows() {
    return DatasetReader.open(config.dataset()).mapMulti((row, downstream) -> {
      rowsRead++;
      DatasetRecord record = accept(mapper.map(row));
      if (record != null) {
        downstream.accept(record);
      }
    });
  }

  /** The record to replay, or null after rejecting an invalid row or dropping a repeat. */
  private DatasetRecord accept(MappedRow row) {
    if (row instanceof MappedRow.Invalid invalid) {
      reject(new Rejection(invalid.reason(), invalid.key(), invalid.original()));
      return null;
    }
    DatasetRecord record = ((MappedRow.Valid) row).record();
    long fingerprint = DuplicateFilter.fingerprint(record.thread(), record.author(), record.text(),
        record.eventTime());
    switch (duplicates.check(record.id(), fingerprint)) {
      case NEW:
        return record;
      case REPEAT:
        duplicateRows++;
        return null;
      default:
        reject(new Rejection("id " + record.id() + " was already replayed with different content",
            record.id().getBytes(StandardCharsets.UTF_8), json(record)));
        return null;
    }
  }

  private void reject(Rejection rejection) {
    rejectedRows++;
    rejections.accept(rejection);
  }

  private static byte[] json(DatasetRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", record.id());
    fields.put("thread", record.thread());
    fields.put("author", record.author());
    fields.put("text", record.text());
    fields.put("eventTime", record.eventTime());
    fields.put("label", record.label() == null ? null : record.label().name());
    try {
      return JSON.writeValueAsBytes(fields);
    } catch (JsonProcessingException e) {
      return record.id().getBytes(StandardCharsets.UTF_8);
    }
  }
}
