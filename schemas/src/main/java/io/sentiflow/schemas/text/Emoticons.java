package io.sentiflow.schemas.text;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sentiment-bearing symbols: ASCII emoticons (matched in lower-cased text, so ":D" is ":d") and
 * emoji. Each maps to a placeholder token, so the many spellings of a smile share one feature.
 */
final class Emoticons {

  static final String EMOJI_POSITIVE = "<emoji_pos>";
  static final String EMOJI_NEGATIVE = "<emoji_neg>";
  static final String EMOJI_OTHER = "<emoji>";

  private static final Map<String, String> EMOTICONS = Map.ofEntries(
      Map.entry(":)", "<smile>"), Map.entry(":-)", "<smile>"), Map.entry("=)", "<smile>"),
      Map.entry(":]", "<smile>"), Map.entry("(:", "<smile>"), Map.entry("^_^", "<smile>"),
      Map.entry("^^", "<smile>"),
      Map.entry(":d", "<laugh>"), Map.entry(":-d", "<laugh>"), Map.entry("=d", "<laugh>"),
      Map.entry("xd", "<laugh>"),
      Map.entry(";)", "<wink>"), Map.entry(";-)", "<wink>"),
      Map.entry(":p", "<tongue>"), Map.entry(":-p", "<tongue>"),
      Map.entry("<3", "<heart>"),
      Map.entry(":(", "<sad>"), Map.entry(":-(", "<sad>"), Map.entry(":'(", "<sad>"),
      Map.entry("='(", "<sad>"), Map.entry("=(", "<sad>"), Map.entry(":[", "<sad>"),
      Map.entry("</3", "<sad>"), Map.entry("t_t", "<sad>"),
      Map.entry(":/", "<annoyed>"), Map.entry(":-/", "<annoyed>"), Map.entry(":\\", "<annoyed>"),
      Map.entry(":-\\", "<annoyed>"), Map.entry("-_-", "<annoyed>"),
      Map.entry(":|", "<neutral>"), Map.entry(":-|", "<neutral>"),
      Map.entry(":o", "<surprise>"), Map.entry(":-o", "<surprise>"));

  /**
   * The emoticons by their first character, longest first so that ":-)" wins over any shorter
   * emoticon at the same place. Every emoticon is ASCII; the tokenizer asks at every word start, so
   * most characters must be turned away with one array read.
   */
  private static final Match[][] BY_FIRST_CHAR = indexByFirstChar();

  private static final Set<Integer> POSITIVE_EMOJI = codePoints(
      "😀😁😂🤣😃😄😅😆😉😊😋😎😍😘😗😙😚🥰🙂🤗🤩😇🥳😻☺❤♥💕💖💗💘💙💚💛💜💝💞🧡🤍"
          + "👍👏🙌👌💯🎉✨🙏");

  private static final Set<Integer> NEGATIVE_EMOJI = codePoints(
      "😠😡🤬😢😭😞😟😤😥😦😧😨😩😫😰😱😒😓😔😕🙁☹😖😣😪🙄🤮🤢😾👎💔");

  /** Code points that only modify the emoji before them and carry no meaning alone. */
  private static final Set<Integer> EMOJI_MODIFIERS =
      Set.of(0x200D /* zero-width joiner */, 0xFE0E, 0xFE0F /* variation selectors */,
          0x20E3 /* combining keycap */);

  /** No code point below this one (the joiner) is an emoji or an emoji modifier. */
  private static final int FIRST_EMOJI_CODE_POINT = 0x200D;

  /** An emoticon as written and the placeholder it stands for. */
  record Match(String spelling, String token) {

    /** How many chars the emoticon spans. */
    int length() {
      return spelling.length();
    }
  }

  private Emoticons() {}

  /**
   * The emoticon starting at {@code start}, or null. One ending in a letter or digit (":d", "xd")
   * only counts when no letter or digit follows, so "re:dinner" is not a laugh.
   */
  static Match emoticonAt(String text, int start) {
    char first = text.charAt(start);
    Match[] candidates = first < BY_FIRST_CHAR.length ? BY_FIRST_CHAR[first] : null;
    if (candidates == null) {
      return null;
    }
    for (Match candidate : candidates) {
      String emoticon = candidate.spelling();
      if (text.startsWith(emoticon, start)) {
        int end = start + emoticon.length();
        boolean endsInWordChar = Character.isLetterOrDigit(emoticon.charAt(emoticon.length() - 1));
        boolean wordCharFollows = end < text.length()
            && Character.isLetterOrDigit(text.codePointAt(end));
        if (!(endsInWordChar && wordCharFollows)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** The placeholder for an emoji code point, or null if it is not an emoji. */
  static String emojiToken(int codePoint) {
    if (codePoint < FIRST_EMOJI_CODE_POINT) {
      return null; // most characters: spares the boxed set look-ups
    }
    if (POSITIVE_EMOJI.contains(codePoint)) {
      return EMOJI_POSITIVE;
    }
    if (NEGATIVE_EMOJI.contains(codePoint)) {
      return EMOJI_NEGATIVE;
    }
    return isInEmojiBlock(codePoint) && !isSkinTone(codePoint) ? EMOJI_OTHER : null;
  }

  /** Joiners, variation selectors, keycaps, skin tones and tags: skipped, not tokens. */
  static boolean isEmojiModifier(int codePoint) {
    return codePoint >= FIRST_EMOJI_CODE_POINT
        && (EMOJI_MODIFIERS.contains(codePoint)
            || isSkinTone(codePoint)
            || (codePoint >= 0xE0020 && codePoint <= 0xE007F)); // tag characters in flag sequences
  }

  private static boolean isInEmojiBlock(int codePoint) {
    return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) // pictographs, emoticons, flags
        || (codePoint >= 0x2600 && codePoint <= 0x27BF) // miscellaneous symbols, dingbats
        || (codePoint >= 0x2300 && codePoint <= 0x23FF) // technical: ⌚ ⏰ ⏳
        || (codePoint >= 0x2B00 && codePoint <= 0x2BFF); // arrows and ⭐ ⭕
  }

  private static boolean isSkinTone(int codePoint) {
    return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
  }

  private static Match[][] indexByFirstChar() {
    Map<Character, List<Match>> byFirstChar = EMOTICONS.entrySet().stream()
        .map(e -> new Match(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(Match::length).reversed().thenComparing(Match::spelling))
        .collect(Collectors.groupingBy(m -> m.spelling().charAt(0), Collectors.toList()));
    Match[][] index = new Match[128][];
    byFirstChar.forEach((first, matches) -> index[first] = matches.toArray(Match[]::new));
    return index;
  }

  private static Set<Integer> codePoints(String symbols) {
    return symbols.codePoints().boxed().collect(Collectors.toUnmodifiableSet());
  }
}
