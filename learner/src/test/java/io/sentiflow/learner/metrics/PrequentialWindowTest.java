package io.sentiflow.learner.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrequentialWindowTest {

  private static final float[] SAYS_NEG = {0.7f, 0.2f, 0.1f};
  private static final float[] SAYS_NEU = {0.2f, 0.5f, 0.3f};
  private static final float[] SAYS_POS = {0.1f, 0.3f, 0.6f};

  @Test
  void accuracyMacroF1AndLogLossMatchHandComputedValues() {
    PrequentialWindow window = new PrequentialWindow(10, 3);
    window.add(0, SAYS_NEG); // right, p = 0.7
    window.add(0, SAYS_NEU); // wrong, p = 0.2
    window.add(1, SAYS_NEU); // right, p = 0.5
    window.add(2, SAYS_NEU); // wrong, p = 0.3
    window.add(2, SAYS_POS); // right, p = 0.6

    assertThat(window.accuracy()).isCloseTo(3 / 5.0, within(1e-12));
    // NEG: tp 1, fp 0, fn 1 -> 2/3; NEU: tp 1, fp 2, fn 0 -> 1/2; POS: tp 1, fp 0, fn 1 -> 2/3.
    assertThat(window.macroF1()).isCloseTo((2 / 3.0 + 1 / 2.0 + 2 / 3.0) / 3, within(1e-12));
    double expectedLoss = -(Math.log(0.7) + Math.log(0.2) + Math.log(0.5) + Math.log(0.3) + Math.log(0.6)) / 5;
    assertThat(window.logLoss()).isCloseTo(expectedLoss, within(1e-6));
    assertThat(window.macroRecall()).isCloseTo((0.5 + 1 + 0.5) / 3, within(1e-12));
    assertThat(window.precision(1)).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void oldExamplesLeaveTheWindow() {
    PrequentialWindow window = new PrequentialWindow(2, 3);
    window.add(0, SAYS_POS);
    window.add(0, SAYS_POS);
    window.add(1, SAYS_NEU);
    window.add(2, SAYS_POS);

    assertThat(window.full()).isTrue();
    assertThat(window.toAvro(4).getWindow()).isEqualTo(2);
    assertThat(window.accuracy()).isEqualTo(1.0);
    assertThat(window.macroF1()).as("NEGATIVE left the window, so it no longer counts").isEqualTo(1.0);
    assertThat(window.logLoss()).isCloseTo(-(Math.log(0.5) + Math.log(0.6)) / 2, within(1e-6));
  }

  @Test
  void twoClassDataIsAveragedOverTheClassesItUses() {
    PrequentialWindow window = new PrequentialWindow(4, 3);
    window.add(0, SAYS_NEG);
    window.add(2, SAYS_POS);
    window.add(2, SAYS_NEG);
    window.add(0, SAYS_NEG);
    // NEG: tp 2, fp 1, fn 0 -> 4/5; POS: tp 1, fp 0, fn 1 -> 2/3; NEUTRAL absent.
    assertThat(window.macroF1()).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-12));
    assertThat(window.toAvro(4).getWindow()).isEqualTo(4);
  }

  @Test
  void aRestoredWindowContinuesBitForBitAsTheOriginal() {
    float[][] says = {SAYS_NEG, SAYS_NEU, SAYS_POS};
    PrequentialWindow original = new PrequentialWindow(5, 3);
    for (int i = 0; i < 7; i++) {
      original.add(i % 3, says[(i * 2) % 3]);
    }
    PrequentialWindow restored = PrequentialWindow.restore(5, 3, original.contents());
    for (int i = 7; i < 10; i++) {
      original.add(i % 3, says[(i * 2) % 3]);
      restored.add(i % 3, says[(i * 2) % 3]);
    }
    assertThat(restored.toAvro(10)).isEqualTo(original.toAvro(10));
    assertThat(restored.macroRecall()).isEqualTo(original.macroRecall());
  }

  @Test
  void aSmallerRestoredWindowKeepsTheNewestExamples() {
    PrequentialWindow original = new PrequentialWindow(4, 3);
    original.add(0, SAYS_POS);
    original.add(1, SAYS_NEU);
    original.add(2, SAYS_POS);
    PrequentialWindow restored = PrequentialWindow.restore(2, 3, original.contents());
    assertThat(restored.full()).isTrue();
    assertThat(restored.accuracy()).isEqualTo(1.0);
    assertThat(restored.logLoss()).isCloseTo(-(Math.log(0.5) + Math.log(0.6)) / 2, within(1e-6));
  }

  @Test
  void macroRecallAveragesOverClassesPresentAsLabelsOnly() {
    PrequentialWindow window = new PrequentialWindow(4, 3);
    window.add(0, SAYS_NEG);
    window.add(0, SAYS_POS);
    // NEG recall 1/2; POS is predicted but never the label, so it is not averaged in.
    assertThat(window.macroRecall()).isEqualTo(0.5);
  }
}
