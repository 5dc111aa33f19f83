package io.sentiflow.ops.bench;

/**
 * Accuracy, macro-F1, macro-recall and per-class precision/recall from true and predicted class
 * indices. Macro-F1 averages over the classes that occur in the truth or the predictions, so
 * two-class data is not penalised for the third class nobody uses; macro-recall (balanced
 * accuracy) over the classes that occur in the truth, as the learner's prequential window does, so
 * the two are comparable side by side.
 */
record Classification(int examples, double accuracy, double macroF1, double macroRecall, double[] precision,
    double[] recall) {

  static Classification of(int[] truth, int[] predicted, int classes) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
    }
    long[] truePositives = new long[classes];
    long[] actual = new long[classes];
    long[] guessed = new long[classes];
    long correct = 0;
    for (int i = 0; i < truth.length; i++) {
      actual[truth[i]]++;
      guessed[predicted[i]]++;
      if (truth[i] == predicted[i]) {
        truePositives[truth[i]]++;
        correct++;
      }
    }
    double[] precision = new double[classes];
    double[] recall = new double[classes];
    double f1Sum = 0;
    double recallSum = 0;
    int used = 0;
    int labelled = 0;
    for (int c = 0; c < classes; c++) {
      precision[c] = guessed[c] == 0 ? 0 : (double) truePositives[c] / guessed[c];
      recall[c] = actual[c] == 0 ? 0 : (double) truePositives[c] / actual[c];
      if (actual[c] > 0) {
        labelled++;
        recallSum += recall[c];
      }
      if (actual[c] > 0 || guessed[c] > 0) {
        used++;
        f1Sum += precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
      }
    }
    return new Classification(truth.length, truth.length == 0 ? 0 : (double) correct / truth.length,
        used == 0 ? 0 : f1Sum / used, labelled == 0 ? 0 : recallSum / labelled, precision, recall);
  }
}
