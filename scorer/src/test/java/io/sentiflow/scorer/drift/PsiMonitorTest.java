package io.sentiflow.scorer.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentiflow.avro.DriftKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiMonitorTest {

  @Test
  void psiIsZeroForEqualSharesAndMatchesTheFormula() {
    assertThat(PsiMonitor.psi(new long[] {100, 200, 700}, new long[] {10, 20, 70})).isCloseTo(0, within(1e-3));
    // shares 0.5/0.5 against 0.9/0.1 (smoothing is negligible at these counts)
    double expected = (0.9 - 0.5) * Math.log(0.9 / 0.5) + (0.1 - 0.5) * Math.log(0.1 / 0.5);
    assertThat(PsiMonitor.psi(new long[] {50_000, 50_000}, new long[] {90_000, 10_000}))
        .isCloseTo(expected, within(1e-3));
    assertThat(PsiMonitor.psi(new long[] {100, 0}, new long[] {0, 100})).isFinite().isGreaterThan(1);
  }

  @Test
  void aStableMixNeverFiresAndAShiftedOneFiresOnce() {
    PsiMonitor monitor = new PsiMonitor("psi-class-mix", DriftKind.PREDICTION, 3, 1_000, 1_000, 0.25);
    Random random = new Random(1);
    List<DriftSignal> signals = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      double[] mix = i < 30_000 ? new double[] {0.6, 0.2, 0.2} : new double[] {0.2, 0.2, 0.6};
      double u = random.nextDouble();
      int bin = u < mix[0] ? 0 : u < mix[0] + mix[1] ? 1 : 2;
      monitor.observe(bin, i).ifPresent(signals::add);
    }
    assertThat(signals).singleElement().satisfies(s -> {
      assertThat(s.detector()).isEqualTo("psi-class-mix");
      assertThat(s.statistic()).isEqualTo("psi");
      assertThat(s.value()).isGreaterThan(0.25);
      assertThat(s.windowStart()).isBetween(29_000L, 31_000L);
      assertThat(s.windowEnd()).isEqualTo(s.windowStart() + 999);
    });
  }

  @Test
  void meanRiseFiresWhenTheShareClimbsAboveTheReference() {
    MeanRiseMonitor monitor = new MeanRiseMonitor("unseen-buckets", DriftKind.DATA, "share", 100, 100, 0.1);
    List<Optional<DriftSignal>> out = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      out.add(monitor.observe(i < 200 ? 0.2 : 0.5, i));
    }
    assertThat(out.stream().flatMap(Optional::stream).toList()).singleElement().satisfies(s -> {
      assertThat(s.value()).isCloseTo(0.5, within(1e-9));
      assertThat(s.threshold()).isCloseTo(0.3, within(1e-9));
    });
  }
}
