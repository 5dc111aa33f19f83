package io.sentiflow.features;

import io.sentiflow.avro.TrainingExample;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by comment id: emits the features of the first comment with each id (side output), and one
 * training example when that comment and its first label have both arrived, in either order.
 * A comment and a label join only when they lie less than {@code ttl} apart in event time. State
 * lives {@code ttl} of event time after the first event of its id; an event-time timer clears it,
 * and an event that comes after the expiry in event time starts afresh, so the results depend on
 * event times only, not on when timers fire or which input is read first.
 */
public class LabelJoinFunction extends KeyedCoProcessFunction<String, FeaturedComment, LabelEvent, TrainingExample> {

  private static final long serialVersionUID = 1L;

  /** Job accumulators: comments whose label never came, labels whose comment never came. */
  public static final String EXPIRED_UNLABELLED = "expiredUnlabelledComments";
  public static final String EXPIRED_ORPHAN_LABELS = "expiredOrphanLabels";

  private final OutputTag<FeaturedComment> features;
  private final long ttlMillis;
  private transient ValueState<JoinState> state;
  private transient Counter duplicateComments;
  private transient Counter duplicateLabels;
  private transient Counter expiredUnlabelled;
  private transient Counter expiredOrphanLabels;
  private transient LongCounter expiredUnlabelledTotal;
  private transient LongCounter expiredOrphanLabelsTotal;

  public LabelJoinFunction(OutputTag<FeaturedComment> features, long ttlMillis) {
    this.features = features;
    this.ttlMillis = ttlMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("join", JoinState.class));
    var metrics = getRuntimeContext().getMetricGroup();
    duplicateComments = metrics.counter("duplicateComments");
    duplicateLabels = metrics.counter("duplicateLabels");
    expiredUnlabelled = metrics.counter(EXPIRED_UNLABELLED);
    expiredOrphanLabels = metrics.counter(EXPIRED_ORPHAN_LABELS);
    expiredUnlabelledTotal = getRuntimeContext().getLongCounter(EXPIRED_UNLABELLED);
    expiredOrphanLabelsTotal = getRuntimeContext().getLongCounter(EXPIRED_ORPHAN_LABELS);
  }

  @Override
  public void processElement1(FeaturedComment comment, Context ctx, Collector<TrainingExample> out)
      throws Exception {
    JoinState current = live(comment.eventTime, ctx);
    if (!current.offerComment(comment)) {
      duplicateComments.inc();
      return;
    }
    ctx.output(features, comment);
    settle(current, out);
    state.update(current);
  }

  @Override
  public void processElement2(LabelEvent label, Context ctx, Collector<TrainingExample> out) throws Exception {
    JoinState current = live(label.labelTime, ctx);
    if (!current.offerLabel(label)) {
      duplicateLabels.inc();
      return;
    }
    settle(current, out);
    state.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrainingExample> out) throws Exception {
    JoinState current = state.value();
    // A state restarted after an expiry has a later timer of its own.
    if (current != null && current.expiredAt(timestamp)) {
      countExpired(current);
      state.clear();
    }
  }

  /** The state for an event at {@code eventTime}: the live one, or a fresh one if it expired. */
  private JoinState live(long eventTime, Context ctx) throws Exception {
    JoinState current = state.value();
    if (current == null || current.expiredAt(eventTime)) {
      if (current != null) {
        countExpired(current);
      }
      current = JoinState.openedAt(eventTime, ttlMillis);
      ctx.timerService().registerEventTimeTimer(current.expiresAt);
    }
    return current;
  }

  private void countExpired(JoinState expired) {
    if (expired.comment != null) {
      expiredUnlabelled.inc();
      expiredUnlabelledTotal.add(1L);
    }
    if (expired.label != null) {
      expiredOrphanLabels.inc();
      expiredOrphanLabelsTotal.add(1L);
    }
  }

  /** Emits the training example once both halves are in, unless they lie a TTL or more apart. */
  private void settle(JoinState current, Collector<TrainingExample> out) {
    if (current.labelCameAfterCommentExpired(ttlMillis)) {
      expiredUnlabelled.inc();
      expiredUnlabelledTotal.add(1L);
      current.comment = null;
    } else if (current.joinable()) {
      out.collect(TrainingExamples.of(current.comment, current.label));
      current.markJoined();
    }
  }
}
