package io.sentiflow.learner;

/**
 * What the learner has done so far, for dashboards and the demo summary.
 *
 * @param trainedExamples examples learned from since the model was created (survives restarts)
 * @param modelVersion newest committed version
 * @param prequentialAccuracy test-then-train accuracy over the metrics window
 * @param macroF1 test-then-train macro-F1 over the metrics window
 * @param logLoss test-then-train log-loss over the metrics window
 * @param device where the learner trains, e.g. {@code cpu} or {@code gpu(0)}
 */
public record LearnerStatus(long trainedExamples, long modelVersion, double prequentialAccuracy, double macroF1,
    double logLoss, String device) {}
