package io.sentiflow.ops;

import io.sentiflow.ingest.privacy.PrivacyConfig;
import picocli.CommandLine.Option;

/** How ingest pseudonymises authors and masks mentions. */
final class PrivacyOptions {

  @Option(names = "--pseudonym-key",
      description = "Secret HMAC key for author pseudonyms; set it so pseudonyms survive restarts (default: random per run).")
  String pseudonymKey;

  @Option(names = "--mask-mentions", defaultValue = "false",
      description = "Replace @handles in comment text with @user (default: ${DEFAULT-VALUE}).")
  boolean maskMentions;

  PrivacyConfig config() {
    PrivacyConfig config = PrivacyConfig.defaults().withMaskMentions(maskMentions);
    return pseudonymKey == null ? config : config.withPseudonymKey(pseudonymKey);
  }
}
