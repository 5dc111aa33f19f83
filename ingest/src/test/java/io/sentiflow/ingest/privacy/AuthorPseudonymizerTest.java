package io.sentiflow.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorPseudonymizerTest {

  private final AuthorPseudonymizer pseudonymizer = new AuthorPseudonymizer("key-one");

  @Test
  void sameHandleSamePseudonymHowEverItIsWritten() {
    String p = pseudonymizer.pseudonymOf("jnardino");

    assertThat(pseudonymizer.pseudonymOf("jnardino")).isEqualTo(p);
    assertThat(pseudonymizer.pseudonymOf("@JNardino ")).isEqualTo(p);
    assertThat(p).startsWith("u_").hasSize(2 + 22).doesNotContainIgnoringCase("jnardino");
  }

  @Test
  void differentHandlesDifferentPseudonyms() {
    assertThat(pseudonymizer.pseudonymOf("cairdin")).isNotEqualTo(pseudonymizer.pseudonymOf("jnardino"));
  }

  @Test
  void differentKeyDifferentPseudonym() {
    assertThat(new AuthorPseudonymizer("key-two").pseudonymOf("jnardino"))
        .isNotEqualTo(pseudonymizer.pseudonymOf("jnardino"));
  }

  @Test
  void noHandleNoPseudonym() {
    assertThat(pseudonymizer.pseudonymOf(null)).isEmpty();
    assertThat(pseudonymizer.pseudonymOf(" @ ")).isEmpty();
  }

  @Test
  void mentionsAreMaskedButEmailAddressesAreNot() {
    assertThat(MentionMasker.mask("@VirginAmerica What @dhepburn said. mail me at a@b.com"))
        .isEqualTo("@user What @user said. mail me at a@b.com");
  }

  @Test
  void configNeverPrintsTheKey() {
    assertThat(new PrivacyConfig("s3cret", true).toString()).doesNotContain("s3cret");
  }

  @Test
  void withoutAConfiguredKeyPseudonymsFollowAFresh256BitKeyAndNoBuiltInOne() {
    PrivacyConfig first = PrivacyConfig.defaults();
    PrivacyConfig second = PrivacyConfig.defaults();

    assertThat(first.pseudonymKey()).matches("[0-9a-f]{64}");
    assertThat(new AuthorPseudonymizer(first.pseudonymKey()).pseudonymOf("jnardino"))
        .isNotEqualTo(new AuthorPseudonymizer(second.pseudonymKey()).pseudonymOf("jnardino"));
  }
}
