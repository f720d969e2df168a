package dev.mlat.crypto.segment;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-attachment key-encryption key (KEK, AES-256) with its key identifier: every segment of
 * one sealing wraps its content key under it (CMS KEKRecipientInfo, {@code id-aes256-wrap}). It is
 * carried inside the signed, encrypted message (never beside the segments), so whoever can open
 * the message can open the segments without a private-key operation per segment:
 * {@code openssl cms -decrypt -secretkey <keyHex> -secretkeyid <id>}.
 *
 * <p>A fresh key is generated for every sealing ({@link #generate(SecureRandom)}); a key seals at
 * most one attachment ({@link SegmentedEncryptor} refuses a second use), so segments of another
 * attachment or of another sealing of the same file carry another key identifier and cannot be
 * substituted. The key bytes never appear in {@link #toString()}.
 *
 * <p>Thread-safe.
 */
public final class AttachmentKey {
  /** Bytes of the key identifier of generated keys. */
  public static final int ID_BYTES = 16;
  /** Bytes of the key (AES-256). */
  public static final int KEY_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final String id;
  private final byte[] key;
  private final AtomicBoolean sealed = new AtomicBoolean();

  private AttachmentKey(String id, byte[] key) {
    this.id = id;
    this.key = key;
  }

  /** A new random key with a new random 128-bit identifier. */
  public static AttachmentKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] id = new byte[ID_BYTES];
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(id);
    random.nextBytes(key);
    return new AttachmentKey(HEX.formatHex(id), key);
  }

  /**
   * The key read back from a verified message.
   *
   * @param idHex the key identifier in lower-case hex, 2 to 128 hex digits
   * @param key the 32 key bytes (copied)
   * @throws IllegalArgumentException if the identifier is not lower-case hex of that length or the
   *     key is not 32 bytes
   */
  public static AttachmentKey of(String idHex, byte[] key) {
    checkId(idHex);
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("an attachment key is " + KEY_BYTES + " bytes (AES-256), not " + key.length);
    }
    return new AttachmentKey(idHex, key.clone());
  }

  static void checkId(String idHex) {
    Objects.requireNonNull(idHex, "idHex");
    if (idHex.length() < 2 || idHex.length() > 128 || idHex.length() % 2 != 0 || !idHex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("a key identifier is 1 to 64 bytes in lower-case hex, not '" + idHex + "'");
    }
  }

  /** The key identifier (lower-case hex), as in the segments' KEKRecipientInfo and the manifest. */
  public String id() {
    return id;
  }

  /** The identifier's bytes. */
  public byte[] idBytes() {
    return HEX.parseHex(id);
  }

  /** A copy of the key bytes, for the encrypted manifest. Wipe the copy after use. */
  public byte[] keyBytes() {
    return key.clone();
  }

  /** The key bytes in lower-case hex, for {@code openssl cms -decrypt -secretkey}. */
  public String keyHex() {
    return HEX.formatHex(key);
  }

  /** The key as a JCA key (internal use by the segment engine). */
  SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  /** Marks the key used for sealing; false if it was used already. */
  boolean markSealed() {
    return sealed.compareAndSet(false, true);
  }

  /** The identifier only; never the key. */
  @Override
  public String toString() {
    return "AttachmentKey[id=" + id + "]";
  }

  /** Overwrites the key bytes; the key is unusable afterwards. */
  public void destroy() {
    Arrays.fill(key, (byte) 0);
  }
}
