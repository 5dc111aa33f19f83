package io.sentiflow.schemas.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Step 1 of featurisation: decode HTML entities (tweets arrive with {@code &amp;} and friends),
 * apply Unicode NFKC (full-width and other compatibility forms become plain ones), lower-case
 * with {@link Locale#ROOT}, and write typographic apostrophes as {@code '} so that "don’t" and
 * "don't" are one word. Any change to these rules needs a new {@link #VERSION}.
 */
public final class TextNormalizer {

  /** The {@link FeaturizerSpec#normalizerVersion()} these rules implement. */
  public static final int VERSION = 1;

  private static final Map<String, String> NAMED_ENTITIES =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  /** Longest entity body we look for between '&' and ';' ("#x10FFFF" is 8). */
  private static final int MAX_ENTITY_LENGTH = 8;

  private TextNormalizer() {}

  /** Returns the normalised text; {@code null} gives the empty string. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String decoded = decodeHtmlEntities(text);
    // ASCII has no compatibility forms and nothing to compose with: NFKC would return it unchanged.
    String compatible = isAscii(decoded) ? decoded : Normalizer.normalize(decoded, Normalizer.Form.NFKC);
    return compatible
        .toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'') // right single quotation mark
        .replace('\u2018', '\'') // left single quotation mark
        .replace('\u02bc', '\''); // modifier letter apostrophe
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes the named entities above and numeric ones ({@code &#233;}, {@code &#xE9;}) in one
   * pass, so "&amp;lt;" becomes "&lt;", not "<". Anything malformed is left as written.
   */
  static String decodeHtmlEntities(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copiedUpTo = 0;
    while (amp >= 0) {
      int semicolon = entityEnd(text, amp);
      String decoded = semicolon < 0 ? null : decodeEntity(text.substring(amp + 1, semicolon));
      if (decoded != null) {
        out.append(text, copiedUpTo, amp).append(decoded);
        copiedUpTo = semicolon + 1;
      }
      amp = text.indexOf('&', decoded != null ? copiedUpTo : amp + 1);
    }
    return out.append(text, copiedUpTo, text.length()).toString();
  }

  /**
   * The ';' closing an entity that opens at {@code amp}, or -1. The search is bounded so that a
   * text full of stray '&' stays linear.
   */
  private static int entityEnd(String text, int amp) {
    int limit = Math.min(text.length(), amp + 2 + MAX_ENTITY_LENGTH);
    for (int i = amp + 2; i < limit; i++) {
      if (text.charAt(i) == ';') {
        return i;
      }
    }
    return -1;
  }

  /** The text an entity body (between '&' and ';') stands for, or null if it is not one. */
  private static String decodeEntity(String body) {
    if (body.charAt(0) != '#') {
      return NAMED_ENTITIES.get(body);
    }
    boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
    String digits = body.substring(hex ? 2 : 1);
    if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)) {
      return null;
    }
    int codePoint = Integer.parseInt(digits, hex ? 16 : 10); // at most 7 digits: no overflow
    boolean usable = Character.isValidCodePoint(codePoint)
        && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    return usable ? Character.toString(codePoint) : null;
  }
}
