package io.sentiflow.ingest.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an author handle into a stable pseudonym with HMAC-SHA256 under a secret key: the same
 * handle always maps to the same pseudonym, and without the key the handle cannot be recovered or
 * confirmed by hashing guesses. Thread-safe.
 */
public final class AuthorPseudonymizer {

  private static final String ALGORITHM = "HmacSHA256";
  /** 128 bits of the MAC: collisions stay negligible at any realistic author count. */
  private static final int PSEUDONYM_BYTES = 16;

  /** Authors post again and again; remembering recent pseudonyms spares most MAC computations. */
  private static final int CACHE_LIMIT = 100_000;

  private final ThreadLocal<Mac> mac;
  private final Map<String, String> recent = new ConcurrentHashMap<>();

  public AuthorPseudonymizer(String key) {
    SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    newMac(spec); // fail fast on a bad key
    this.mac = ThreadLocal.withInitial(() -> newMac(spec));
  }

  /**
   * The pseudonym of {@code handle}, or {@code ""} when there is no handle. Handles are compared
   * the way platforms do: case-insensitive, with or without a leading {@code @}.
   */
  public String pseudonymOf(String handle) {
    if (handle == null) {
      return "";
    }
    String normalised = handle.strip();
    if (normalised.startsWith("@")) {
      normalised = normalised.substring(1);
    }
    if (normalised.isEmpty()) {
      return "";
    }
    String cached = recent.get(normalised);
    if (cached != null) {
      return cached;
    }
    String pseudonym = compute(normalised);
    if (recent.size() >= CACHE_LIMIT) {
      recent.clear();
    }
    recent.put(normalised, pseudonym);
    return pseudonym;
  }

  private String compute(String normalised) {
    byte[] digest = mac.get().doFinal(normalised.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    byte[] prefix = new byte[PSEUDONYM_BYTES];
    System.arraycopy(digest, 0, prefix, 0, PSEUDONYM_BYTES);
    return "u_" + Base64.getUrlEncoder().withoutPadding().encodeToString(prefix);
  }

  private static Mac newMac(SecretKeySpec spec) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise " + ALGORITHM, e);
    }
  }
}
