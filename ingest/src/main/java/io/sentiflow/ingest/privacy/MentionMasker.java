package io.sentiflow.ingest.privacy;

import java.util.regex.Pattern;

/**
 * Replaces {@code @handle} mentions with {@code @user}, the convention of public tweet benchmarks,
 * so that text keeps its shape (a mention is still a mention feature) without naming anyone.
 */
public final class MentionMasker {

  /** A mention starts a word (not an e-mail address) and uses handle characters. */
  private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@\\w+");

  private MentionMasker() {}

  public static String mask(String text) {
    return text == null ? null : MENTION.matcher(text).replaceAll("@user");
  }
}
