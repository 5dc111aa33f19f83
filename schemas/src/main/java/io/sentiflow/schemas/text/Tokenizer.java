package io.sentiflow.schemas.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Step 2 of featurisation: splits normalised text ({@link TextNormalizer}) into tokens.
 *
 * <ul>
 *   <li>URLs become {@code <url>}, @mentions {@code <user>}, numbers (1,000 3.5 10%) {@code
 *       <num>}; emoticons and emoji become sentiment placeholders (see {@link Emoticons}).
 *   <li>Hashtags stay words with their '#'; words keep inner apostrophes ("don't").
 *   <li>Runs of 3+ of the same character shrink to 2 ("sooooo" becomes "soo").
 *   <li>Runs of '!' and '?' are tokens (they carry sentiment); other punctuation is dropped.
 *   <li>After a negator (not, never, don't, ...) words get the prefix {@code neg_} until clause
 *       punctuation (. , ; : ! ?), a CJK run or the end. Placeholders are never prefixed.
 *   <li>A run of Han, Hiragana, Katakana or Hangul characters yields one token per character.
 * </ul>
 *
 * <p>At most {@link #MAX_TOKENS} tokens are produced; the rest of the text is ignored, which
 * bounds the cost of a pathological comment.
 */
public final class Tokenizer {

  /** Tokens considered per text (each CJK character counts as one). */
  public static final int MAX_TOKENS = 2_000;

  static final String URL = "<url>";
  static final String USER = "<user>";
  static final String NUMBER = "<num>";
  static final String NEGATED_PREFIX = "neg_";

  private static final Set<String> NEGATORS = Set.of(
      "not", "no", "never", "cannot", "nothing", "nobody", "none", "nowhere", "neither", "nor",
      "without",
      // common in tweets without the apostrophe
      "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont",
      "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint");

  /** Characters that end a URL's run when they trail it ("see http://x.co/a."). */
  private static final String URL_TRAILING_PUNCTUATION = ".,;:!?)]}\"'";

  /** Hangul Jamo, the first block with a code point of a script {@link #isCjk} accepts. */
  private static final int FIRST_CJK_CODE_POINT = 0x1100;

  /** A word-level token, or a whole run of CJK characters to be split into character n-grams. */
  record Token(String text, boolean cjkRun) {}

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int tokenCount;
  private boolean inNegationScope;

  private Tokenizer(String text) {
    this.text = text;
  }

  /** The tokens of normalised text, each CJK character its own token; null gives none. */
  public static List<String> tokenize(String normalized) {
    List<String> flat = new ArrayList<>();
    for (Token token : tokens(normalized)) {
      if (token.cjkRun()) {
        token.text().codePoints().forEach(c -> flat.add(Character.toString(c)));
      } else {
        flat.add(token.text());
      }
    }
    return flat;
  }

  /** Like {@link #tokenize} but keeps each CJK run whole, so n-grams never span two runs. */
  static List<Token> tokens(String normalized) {
    return normalized == null ? List.of() : new Tokenizer(normalized).scan();
  }

  private List<Token> scan() {
    while (pos < text.length() && tokenCount < MAX_TOKENS) {
      int c = text.codePointAt(pos);
      Emoticons.Match emoticon;
      String emoji;
      if (Character.isWhitespace(c) || Emoticons.isEmojiModifier(c)) {
        pos += Character.charCount(c);
      } else if (startsWithUrl()) {
        readUrl();
      } else if ((c == '@' || c == '#') && isHandleChar(codePointAfter(pos))) {
        readMentionOrHashtag(c);
      } else if ((emoticon = Emoticons.emoticonAt(text, pos)) != null) {
        addPlain(emoticon.token());
        pos += emoticon.length();
      } else if ((emoji = Emoticons.emojiToken(c)) != null) {
        addPlain(emoji);
        pos += Character.charCount(c);
      } else if (isCjk(c)) {
        readCjkRun();
      } else if (Character.isLetter(c)) {
        readWord();
      } else if (Character.isDigit(c)) {
        readNumberOrWord();
      } else if (c == '!' || c == '?') {
        readExclamation();
      } else {
        if (isClausePunctuation(c)) {
          inNegationScope = false;
        }
        pos += Character.charCount(c);
      }
    }
    return tokens;
  }

  private boolean startsWithUrl() {
    return text.startsWith("http://", pos)
        || text.startsWith("https://", pos)
        || text.startsWith("www.", pos);
  }

  private void readUrl() {
    int end = pos;
    while (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    while (URL_TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
      end--; // given back to be tokenised normally, e.g. a closing '!'
    }
    addPlain(URL);
    pos = end;
  }

  private void readMentionOrHashtag(int sigil) {
    int end = pos + 1;
    while (end < text.length() && isHandleChar(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    if (sigil == '@') {
      addPlain(USER);
    } else {
      addWord("#" + squashRepeats(text.substring(pos + 1, end)));
    }
    pos = end;
  }

  private void readCjkRun() {
    int end = pos;
    while (end < text.length() && isCjk(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    String run = squashRepeats(text.substring(pos, end));
    int characters = Math.min(run.codePointCount(0, run.length()), MAX_TOKENS - tokenCount);
    tokens.add(new Token(run.substring(0, run.offsetByCodePoints(0, characters)), true));
    tokenCount += characters;
    inNegationScope = false; // a switch of script is the nearest thing to a clause boundary we see
    pos = end;
  }

  /** Letters, digits and combining marks, with apostrophes between letters ("don't"). */
  private void readWord() {
    int end = pos;
    while (end < text.length()) {
      int c = text.codePointAt(end);
      boolean innerApostrophe = c == '\'' && end > pos
          && Character.isLetter(text.codePointBefore(end))
          && Character.isLetter(codePointAfter(end));
      if (!(isWordChar(c) || innerApostrophe)) {
        break;
      }
      end += Character.charCount(c);
    }
    addWord(squashRepeats(text.substring(pos, end)));
    pos = end;
  }

  /** "1,000", "3.5" and "10%" are numbers; "2nd" or "4g" are words. */
  private void readNumberOrWord() {
    int alphanumericEnd = pos;
    boolean hasLetter = false;
    while (alphanumericEnd < text.length() && isWordChar(text.codePointAt(alphanumericEnd))) {
      hasLetter |= Character.isLetter(text.codePointAt(alphanumericEnd));
      alphanumericEnd += Character.charCount(text.codePointAt(alphanumericEnd));
    }
    if (hasLetter) {
      readWord();
      return;
    }
    int end = alphanumericEnd;
    while (end + 1 < text.length()
        && (text.charAt(end) == '.' || text.charAt(end) == ',')
        && Character.isDigit(text.codePointAt(end + 1))) {
      end++;
      while (end < text.length() && Character.isDigit(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
      }
    }
    if (end < text.length() && text.charAt(end) == '%') {
      end++;
    }
    addPlain(NUMBER);
    pos = end;
  }

  private void readExclamation() {
    int end = pos;
    while (end < text.length() && (text.charAt(end) == '!' || text.charAt(end) == '?')) {
      end++;
    }
    addPlain(squashRepeats(text.substring(pos, end)));
    inNegationScope = false;
    pos = end;
  }

  private void addWord(String word) {
    if (isNegator(word)) {
      inNegationScope = true; // the negator itself stays plain; a second one restarts the scope
      addPlain(word);
    } else {
      addPlain(inNegationScope ? NEGATED_PREFIX + word : word);
    }
  }

  /** Adds a token as it is: placeholders, punctuation, negators. */
  private void addPlain(String token) {
    tokens.add(new Token(token, false));
    tokenCount++;
  }

  private int codePointAfter(int index) {
    int next = index + Character.charCount(text.codePointAt(index));
    return next < text.length() ? text.codePointAt(next) : -1;
  }

  private static boolean isNegator(String word) {
    return NEGATORS.contains(word) || word.endsWith("n't");
  }

  private static boolean isWordChar(int c) {
    return (Character.isLetterOrDigit(c) && !isCjk(c)) || isCombiningMark(c);
  }

  /** Mentions and hashtags take any letters (Weibo's are Chinese), digits, marks and '_'. */
  private static boolean isHandleChar(int c) {
    return Character.isLetterOrDigit(c) || isCombiningMark(c) || c == '_';
  }

  private static boolean isCombiningMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isClausePunctuation(int c) {
    return c == '.' || c == ',' || c == ';' || c == ':';
  }

  static boolean isCjk(int c) {
    if (c < FIRST_CJK_CODE_POINT) {
      return false; // Latin and most other text: spares the script look-up, a binary search
    }
    if (c == '\u30fc') { // katakana prolonged sound mark ー, script COMMON, inside words like コーヒー
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** Shrinks every run of 3+ identical code points to 2: "sooooo" to "soo", "!!!!" to "!!". */
  static String squashRepeats(String token) {
    StringBuilder squashed = null; // made at the first code point dropped; most tokens have none
    int previous = -1;
    int runLength = 0;
    for (int i = 0; i < token.length(); ) {
      int c = token.codePointAt(i);
      runLength = c == previous ? runLength + 1 : 1;
      if (runLength <= 2) {
        if (squashed != null) {
          squashed.appendCodePoint(c);
        }
      } else if (squashed == null) {
        squashed = new StringBuilder(token.length()).append(token, 0, i);
      }
      previous = c;
      i += Character.charCount(c);
    }
    return squashed == null ? token : squashed.toString();
  }
}
