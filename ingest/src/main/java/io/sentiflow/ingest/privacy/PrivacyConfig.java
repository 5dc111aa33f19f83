package io.sentiflow.ingest.privacy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How ingest protects people before anything reaches a topic.
 *
 * @param pseudonymKey secret key of the HMAC that turns author handles into pseudonyms; the same
 *     key must be configured on every ingest instance for pseudonyms to agree across them and
 *     across restarts
 * @param maskMentions replace {@code @handle} mentions in comment text with {@code @user}
 */
public record PrivacyConfig(String pseudonymKey, boolean maskMentions) {

  public PrivacyConfig {
    Objects.requireNonNull(pseudonymKey, "pseudonymKey");
    if (pseudonymKey.isEmpty()) {
      throw new IllegalArgumentException("pseudonym key must not be empty");
    }
  }

  /**
   * A random key drawn now (pseudonyms are then stable only within this process) and mentions left
   * as they are. Configure a key for pseudonyms that survive restarts.
   */
  public static PrivacyConfig defaults() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new PrivacyConfig(HexFormat.of().formatHex(key), false);
  }

  public PrivacyConfig withPseudonymKey(String key) {
    return new PrivacyConfig(key, maskMentions);
  }

  public PrivacyConfig withMaskMentions(boolean mask) {
    return new PrivacyConfig(pseudonymKey, mask);
  }

  @Override
  public String toString() {
    return "PrivacyConfig[pseudonymKey=<hidden>, maskMentions=" + maskMentions + "]";
  }
}
