package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins what normaliser version 1 makes of real text: the terms and ids of every airline tweet, as
 * one digest taken before the text pipeline was tuned for speed. A faster path that changes any
 * term fails here; a deliberate change of the rules needs a new normaliser version and digest.
 */
class FeaturizerGoldenTest {

  private static final String AIRLINE_TERMS_AND_IDS_SHA256 = "aa5fdc521ab49a59a82fd54a1761034c2fdd1ef57cff8adaa2e3dacf3f9110e1";

  @Test
  void everyAirlineTweetGetsTheTermsAndIdsOfNormaliserVersion1() throws Exception {
    List<Tweet> tweets = AirlineTweets.firstByCreation(Integer.MAX_VALUE);
    Featurizer featurizer = new Featurizer(FeaturizerSpec.defaults());
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (Tweet tweet : tweets) {
      FeatureVector features = featurizer.featurize(tweet.comment().getText());
      for (int i = 0; i < features.size(); i++) {
        digest.update((features.terms()[i] + '\t' + features.ids()[i] + '\n').getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
    }

    assertThat(tweets).hasSize(14_640);
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(AIRLINE_TERMS_AND_IDS_SHA256);
  }
}
