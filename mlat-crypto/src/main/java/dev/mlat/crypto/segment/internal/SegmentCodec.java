package dev.mlat.crypto.segment.internal;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.segment.SegmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KEKIdentifier;
import org.bouncycastle.asn1.cms.KEKRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * One segment on the wire: a DER ContentInfo of type AuthEnvelopedData (RFC 5083) with exactly one
 * KEKRecipientInfo (id-aes256-wrap, RFC 3394/3565), content type id-data, AES-256-GCM (RFC 5084)
 * with a 96-bit nonce and a 128-bit tag, and no attributes. BouncyCastle's ASN.1 classes build and
 * parse the structure; the JDK provider (SunJCE) does AES key wrap and AES-GCM.
 *
 * <p>The writer's nonce is the segment's index (8 bytes, big-endian) followed by 4 bytes of flags
 * (1 for the last segment, 0 otherwise): the content key is fresh per segment, so any nonce is
 * unique. It is informative only: the reader binds positions by the signed list of tags, and
 * accepts any 12-byte nonce, since OpenSSL (which cannot set the nonce) may produce segments too.
 *
 * <p>Encryption feeds the JDK cipher in {@link #UPDATE_BYTES} pieces: the JDK's GCM takes its
 * compiled, hardware-accelerated path only after enough calls (docs/PERFORMANCE.md). Decryption
 * gives the JDK's GCM the whole segment, ciphertext and tag, in one {@code doFinal} call: the
 * segment's tag is first moved next to its ciphertext, over the two header bytes of its OCTET
 * STRING, in the segment's own array. The JDK checks the tag (in constant time) and the plaintext
 * is returned only if it verified. (Sessions 1-4 decrypted with AES-CTR and re-encrypted the
 * plaintext to recompute the tag, for the fresh-process warm-up; with the segment arrays reused,
 * one GCM call measured faster both warm and fresh: docs/PERFORMANCE.md, session 5.)
 *
 * <p>Thread-safe: ciphers are per thread.
 */
public final class SegmentCodec {
  /** GCM tag bytes. */
  public static final int TAG_BYTES = 16;
  /** GCM nonce bytes. */
  public static final int NONCE_BYTES = 12;
  /** AES-256 content key bytes. */
  public static final int CEK_BYTES = 32;
  /** The largest DER structure around a segment's ciphertext that this codec accepts. */
  public static final int MAX_OVERHEAD = 512;
  /** Size of the update calls into the JDK's GCM when encrypting (measured, docs/PERFORMANCE.md). */
  public static final int UPDATE_BYTES = 16 << 10;
  private static final int FLAG_LAST = 1;
  private static final byte[] VERSION = {0x02, 0x01, 0x00};
  private static final byte[] DATA_TYPE = encoded(CMSObjectIdentifiers.data);
  private static final byte[] CONTENT_INFO_TYPE = encoded(CMSObjectIdentifiers.authEnvelopedData);

  private static byte[] encoded(org.bouncycastle.asn1.ASN1Object object) {
    try {
      return object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));
  private static final ThreadLocal<Cipher> GCM_DECRYPT = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));
  private static final ThreadLocal<Cipher> WRAP = ThreadLocal.withInitial(() -> cipher("AESWrap_256"));

  private SegmentCodec() {}

  private static Cipher cipher(String transformation) {
    try {
      return Cipher.getInstance(transformation, "SunJCE");
    } catch (NoSuchAlgorithmException | NoSuchPaddingException | java.security.NoSuchProviderException e) {
      throw new IllegalStateException("the JDK provider SunJCE has no " + transformation, e);
    }
  }

  /** The nonce of the segment at {@code index}. */
  public static byte[] nonce(long index, boolean last) {
    return ByteBuffer.allocate(NONCE_BYTES).putLong(index).putInt(last ? FLAG_LAST : 0).array();
  }

  /** A sealed segment: its encoding and its tag. */
  public record Sealed(byte[] encoded, byte[] tag) {}

  /** Encrypts, under the fresh content key {@code cekBytes} (wiped here), {@code length} bytes of {@code plaintext} from {@code offset} as segment {@code index}. */
  public static Sealed seal(SecretKey kek, byte[] kekId, long index, boolean last, byte[] plaintext, int offset, int length,
      byte[] cekBytes) throws GeneralSecurityException, IOException {
    return seal(kek, kekId, index, last, plaintext, offset, length, cekBytes, null);
  }

  /**
   * {@link #seal(SecretKey, byte[], long, boolean, byte[], int, int, byte[])} into an encoding
   * array taken from {@code buffers} (a new one when null), which the caller may give back once it
   * wrote the encoding out.
   */
  public static Sealed seal(SecretKey kek, byte[] kekId, long index, boolean last, byte[] plaintext, int offset, int length,
      byte[] cekBytes, BufferPool buffers) throws GeneralSecurityException, IOException {
    SecretKeySpec cek = new SecretKeySpec(cekBytes, "AES");
    Arrays.fill(cekBytes, (byte) 0);
    Cipher wrap = WRAP.get();
    wrap.init(Cipher.WRAP_MODE, kek);
    byte[] wrapped = wrap.wrap(cek);

    byte[] nonce = nonce(index, last);
    byte[] header = header(kekId, wrapped, nonce, length);
    int size = header.length + length + 2 + TAG_BYTES;
    byte[] encoded = buffers == null ? new byte[size] : buffers.take(size);
    System.arraycopy(header, 0, encoded, 0, header.length);
    int ciphertextAt = header.length;
    int macTlv = 2 + TAG_BYTES;

    Cipher gcm = GCM.get();
    gcm.init(Cipher.ENCRYPT_MODE, cek, new GCMParameterSpec(TAG_BYTES * 8, nonce));
    // ciphertext || tag land at ciphertextAt; the tag then moves 2 bytes on for its OCTET STRING header
    int written = 0;
    int position = 0;
    while (length - position > UPDATE_BYTES) {
      written += gcm.update(plaintext, offset + position, UPDATE_BYTES, encoded, ciphertextAt + written);
      position += UPDATE_BYTES;
    }
    written += gcm.doFinal(plaintext, offset + position, length - position, encoded, ciphertextAt + written);
    if (written != length + TAG_BYTES || ciphertextAt + length + macTlv != encoded.length) {
      throw new IllegalStateException("AES-GCM produced " + written + " bytes, expected " + (length + TAG_BYTES));
    }
    byte[] tag = Arrays.copyOfRange(encoded, ciphertextAt + length, ciphertextAt + length + TAG_BYTES);
    int at = header(encoded, ciphertextAt + length, 0x04, TAG_BYTES);
    put(encoded, at, tag);
    return new Sealed(encoded, tag);
  }

  /**
   * The DER encoding of a segment up to its ciphertext: BouncyCastle encodes every part of the
   * structure, this method only frames them, so that AES-GCM can write the ciphertext straight
   * into its place (no copy of the bulk data) and a reader can check a segment's structure by
   * comparing bytes. The segment is this header, {@code length} bytes of ciphertext, then the
   * tag's OCTET STRING ({@code 04 10} and 16 bytes).
   */
  static byte[] header(byte[] kekId, byte[] wrapped, byte[] nonce, int length) throws IOException {
    byte[] recipients = new DERSet(new RecipientInfo(new KEKRecipientInfo(new KEKIdentifier(kekId, null, null),
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_wrap), new DEROctetString(wrapped)))).getEncoded(ASN1Encoding.DER);
    byte[] algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, TAG_BYTES))
        .getEncoded(ASN1Encoding.DER);
    int ciphertextTlv = 1 + lengthOfLength(length) + length;
    int encryptedContentInfo = DATA_TYPE.length + algorithm.length + ciphertextTlv;
    int macTlv = 2 + TAG_BYTES;
    int authEnvelopedData = VERSION.length + recipients.length + tlv(encryptedContentInfo) + macTlv;
    int explicit = tlv(authEnvelopedData);
    int contentInfo = CONTENT_INFO_TYPE.length + tlv(explicit);
    int total = tlv(contentInfo);
    byte[] header = new byte[total - length - macTlv];
    int at = header(header, 0, 0x30, contentInfo);
    at = put(header, at, CONTENT_INFO_TYPE);
    at = header(header, at, 0xa0, explicit);
    at = header(header, at, 0x30, authEnvelopedData);
    at = put(header, at, VERSION);
    at = put(header, at, recipients);
    at = header(header, at, 0x30, encryptedContentInfo);
    at = put(header, at, DATA_TYPE);
    at = put(header, at, algorithm);
    at = header(header, at, 0x80, length); // [0] IMPLICIT OCTET STRING encryptedContent
    if (at != header.length) {
      throw new IllegalStateException("segment header of " + at + " bytes, expected " + header.length);
    }
    return header;
  }

  private static int lengthOfLength(int length) {
    if (length < 0x80) {
      return 1;
    }
    int octets = 0;
    for (int l = length; l > 0; l >>>= 8) {
      octets++;
    }
    return 1 + octets;
  }

  /** Bytes of a TLV with {@code length} bytes of content. */
  private static int tlv(int length) {
    return 1 + lengthOfLength(length) + length;
  }

  /** Writes a DER tag and definite length; returns where the content starts. */
  private static int header(byte[] out, int at, int tag, int length) {
    out[at++] = (byte) tag;
    if (length < 0x80) {
      out[at++] = (byte) length;
      return at;
    }
    int octets = lengthOfLength(length) - 1;
    out[at++] = (byte) (0x80 | octets);
    for (int i = octets - 1; i >= 0; i--) {
      out[at++] = (byte) (length >>> (8 * i));
    }
    return at;
  }

  private static int put(byte[] out, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  /**
   * A parsed segment: the fields the receiver needs; the ciphertext stays in {@code encoded} at
   * {@code ciphertextOffset} (no copy).
   */
  public record Parsed(byte[] kekId, byte[] wrappedKey, byte[] nonce, byte[] encoded, int ciphertextOffset, int ciphertextLength,
      byte[] tag) {
    /** A copy of the ciphertext. */
    public byte[] ciphertext() {
      return Arrays.copyOfRange(encoded, ciphertextOffset, ciphertextOffset + ciphertextLength);
    }

    /** The index carried by the nonce (mlat's writer; informative). */
    public long index() {
      return ByteBuffer.wrap(nonce).getLong();
    }

    /** Whether the nonce marks the last segment. */
    public boolean last() {
      return (ByteBuffer.wrap(nonce).getInt(8) & FLAG_LAST) != 0;
    }

    /** Flags other than "last" (must be 0). */
    public int unknownFlags() {
      return ByteBuffer.wrap(nonce).getInt(8) & ~FLAG_LAST;
    }
  }

  /**
   * Reads the next DER-framed segment from {@code in}: null at a clean end of stream before its
   * first byte.
   *
   * @throws SegmentException SEGMENT_TRUNCATED if the stream ends inside a segment,
   *     SEGMENT_MALFORMED if the framing is not a definite-length DER SEQUENCE,
   *     SEGMENT_LENGTH_MISMATCH if it is longer than {@code maxBytes}
   */
  public static byte[] readFramed(InputStream in, int maxBytes, long position) throws IOException, SegmentException {
    return readFramed(in, maxBytes, position, null);
  }

  /**
   * {@link #readFramed(InputStream, int, long)} into an array of exactly the segment's size taken
   * from {@code buffers} (a new one when null).
   */
  public static byte[] readFramed(InputStream in, int maxBytes, long position, BufferPool buffers)
      throws IOException, SegmentException {
    int tag = in.read();
    if (tag < 0) {
      return null;
    }
    if (tag != 0x30) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_MALFORMED, position,
          "does not start a DER SEQUENCE (tag 0x" + Integer.toHexString(tag) + ")");
    }
    int first = readByte(in, position);
    long contentLength;
    int headerLength;
    if (first < 0x80) {
      contentLength = first;
      headerLength = 2;
    } else {
      int octets = first & 0x7f;
      if (octets == 0) {
        throw new SegmentException(CryptoErrorCode.SEGMENT_MALFORMED, position, "indefinite length; segments are DER");
      }
      if (octets > 4) {
        throw new SegmentException(CryptoErrorCode.SEGMENT_LENGTH_MISMATCH, position, "length field of " + octets + " bytes");
      }
      contentLength = 0;
      for (int i = 0; i < octets; i++) {
        contentLength = (contentLength << 8) | readByte(in, position);
      }
      headerLength = 2 + octets;
    }
    long total = headerLength + contentLength;
    if (total > maxBytes) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_LENGTH_MISMATCH, position,
          total + " bytes on the wire, more than the " + maxBytes + " the manifest's segment size allows");
    }
    byte[] encoded = buffers == null ? new byte[(int) total] : buffers.take((int) total);
    encoded[0] = 0x30;
    encoded[1] = (byte) first;
    for (int i = 2; i < headerLength; i++) {
      encoded[i] = (byte) (contentLength >>> (8 * (headerLength - 1 - i)));
    }
    int filled = headerLength;
    while (filled < total) {
      int n = in.read(encoded, filled, (int) total - filled);
      if (n < 0) {
        throw new SegmentException(CryptoErrorCode.SEGMENT_TRUNCATED, position,
            "the stream ends after " + filled + " of its " + total + " bytes");
      }
      filled += n;
    }
    return encoded;
  }

  private static int readByte(InputStream in, long position) throws IOException, SegmentException {
    int b = in.read();
    if (b < 0) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_TRUNCATED, position, "the stream ends inside a segment header");
    }
    return b;
  }

  /**
   * Parses one segment and checks it is exactly the profile.
   *
   * @throws SegmentException SEGMENT_MALFORMED otherwise
   */
  public static Parsed parse(byte[] encoded, long position) throws SegmentException {
    Parsed fast = parseCanonical(encoded);
    if (fast != null) {
      return fast;
    }
    Parsed checked = parseWithBouncyCastle(encoded, position);
    throw malformed(position, "the structure is the profile's but not its DER encoding (" + checked.ciphertextLength()
        + " bytes of ciphertext)");
  }

  /** A DER element: its tag, where its content starts, its content length. */
  private record Element(int tag, int start, int length) {
    int end() {
      return start + length;
    }
  }

  /** The element at {@code at} within {@code [.., limit)}, or null if it does not fit. */
  private static Element element(byte[] bytes, int at, int limit) {
    if (at < 0 || at + 2 > limit) {
      return null;
    }
    int tag = bytes[at] & 0xff;
    int first = bytes[at + 1] & 0xff;
    int start = at + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int octets = first & 0x7f;
      if (octets == 0 || octets > 4 || start + octets > limit) {
        return null;
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (bytes[start + i] & 0xff);
      }
      start += octets;
    }
    if (start + length > limit) {
      return null;
    }
    return new Element(tag, start, (int) length);
  }

  /**
   * Walks the profile's structure to find its fields, then checks that the segment is byte for
   * byte the canonical encoding of those fields ({@link #header}); null if anything differs (the
   * BouncyCastle parse then says what).
   */
  private static Parsed parseCanonical(byte[] e) {
    int n = e.length;
    Element contentInfo = element(e, 0, n);
    if (contentInfo == null || contentInfo.tag() != 0x30 || contentInfo.end() != n) {
      return null;
    }
    Element type = element(e, contentInfo.start(), n);
    Element explicit = type == null ? null : element(e, type.end(), n);
    Element data = explicit == null ? null : element(e, explicit.start(), n);
    Element version = data == null ? null : element(e, data.start(), n);
    Element recipients = version == null ? null : element(e, version.end(), n);
    Element kek = recipients == null ? null : element(e, recipients.start(), n);
    Element kekVersion = kek == null ? null : element(e, kek.start(), n);
    Element kekIdentifier = kekVersion == null ? null : element(e, kekVersion.end(), n);
    Element keyIdentifier = kekIdentifier == null ? null : element(e, kekIdentifier.start(), n);
    Element wrapAlgorithm = kekIdentifier == null ? null : element(e, kekIdentifier.end(), n);
    Element wrapped = wrapAlgorithm == null ? null : element(e, wrapAlgorithm.end(), n);
    Element content = recipients == null ? null : element(e, recipients.end(), n);
    Element contentType = content == null ? null : element(e, content.start(), n);
    Element algorithm = contentType == null ? null : element(e, contentType.end(), n);
    Element algorithmOid = algorithm == null ? null : element(e, algorithm.start(), n);
    Element parameters = algorithmOid == null ? null : element(e, algorithmOid.end(), n);
    Element nonce = parameters == null ? null : element(e, parameters.start(), n);
    Element ciphertext = algorithm == null ? null : element(e, algorithm.end(), n);
    Element mac = content == null ? null : element(e, content.end(), n);
    if (mac == null || keyIdentifier == null || wrapped == null || nonce == null || ciphertext == null
        || keyIdentifier.tag() != 0x04 || keyIdentifier.length() < 1 || keyIdentifier.length() > 64
        || wrapped.tag() != 0x04 || wrapped.length() != CEK_BYTES + 8 || nonce.tag() != 0x04 || nonce.length() != NONCE_BYTES
        || ciphertext.tag() != 0x80 || mac.tag() != 0x04 || mac.length() != TAG_BYTES || mac.end() != n
        || ciphertext.end() + 2 != mac.start()) {
      return null;
    }
    byte[] kekId = Arrays.copyOfRange(e, keyIdentifier.start(), keyIdentifier.end());
    byte[] wrappedKey = Arrays.copyOfRange(e, wrapped.start(), wrapped.end());
    byte[] nonceBytes = Arrays.copyOfRange(e, nonce.start(), nonce.end());
    byte[] expected;
    try {
      expected = header(kekId, wrappedKey, nonceBytes, ciphertext.length());
    } catch (IOException | RuntimeException ex) {
      return null;
    }
    if (expected.length != ciphertext.start() || !Arrays.equals(expected, 0, expected.length, e, 0, expected.length)) {
      return null;
    }
    return new Parsed(kekId, wrappedKey, nonceBytes, e, ciphertext.start(), ciphertext.length(),
        Arrays.copyOfRange(e, mac.start(), mac.end()));
  }

  /** The profile checks with BouncyCastle's parser, for a precise message. */
  private static Parsed parseWithBouncyCastle(byte[] encoded, long position) throws SegmentException {
    try {
      ASN1Primitive primitive;
      try (var asn1 = new ASN1InputStream(encoded)) {
        primitive = asn1.readObject();
        if (asn1.available() > 0 || asn1.readObject() != null) {
          throw malformed(position, "bytes after the ContentInfo");
        }
      }
      ContentInfo info = ContentInfo.getInstance(primitive);
      if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
        throw malformed(position, "content type " + info.getContentType() + " is not AuthEnvelopedData");
      }
      AuthEnvelopedData data = AuthEnvelopedData.getInstance(info.getContent());
      if (data.getVersion().intValueExact() != 0 || data.getOriginatorInfo() != null) {
        throw malformed(position, "AuthEnvelopedData version must be 0 without originatorInfo");
      }
      if (data.getAuthAttrs() != null || data.getUnauthAttrs() != null) {
        throw malformed(position, "attributes are not allowed in a segment");
      }
      if (data.getRecipientInfos().size() != 1) {
        throw malformed(position, data.getRecipientInfos().size() + " RecipientInfos; a segment has exactly one KEKRecipientInfo");
      }
      RecipientInfo recipient = RecipientInfo.getInstance(data.getRecipientInfos().getObjectAt(0));
      if (!(recipient.getInfo() instanceof KEKRecipientInfo)) {
        throw malformed(position, "the RecipientInfo is not a KEKRecipientInfo");
      }
      KEKRecipientInfo kek = (KEKRecipientInfo) recipient.getInfo();
      if (kek.getVersion().intValueExact() != 4 || kek.getKekid().getDate() != null || kek.getKekid().getOther() != null) {
        throw malformed(position, "KEKRecipientInfo must be version 4 with a bare key identifier");
      }
      AlgorithmIdentifier wrapAlgorithm = kek.getKeyEncryptionAlgorithm();
      if (!NISTObjectIdentifiers.id_aes256_wrap.equals(wrapAlgorithm.getAlgorithm()) || wrapAlgorithm.getParameters() != null) {
        throw malformed(position, "key encryption algorithm " + wrapAlgorithm.getAlgorithm() + " is not id-aes256-wrap without parameters");
      }
      byte[] wrapped = kek.getEncryptedKey().getOctets();
      if (wrapped.length != CEK_BYTES + 8) {
        throw malformed(position, "wrapped content key of " + wrapped.length + " bytes; AES-256 wrapped is 40");
      }
      EncryptedContentInfo content = data.getAuthEncryptedContentInfo();
      if (!CMSObjectIdentifiers.data.equals(content.getContentType())) {
        throw malformed(position, "content type " + content.getContentType() + " is not id-data");
      }
      AlgorithmIdentifier algorithm = content.getContentEncryptionAlgorithm();
      if (!NISTObjectIdentifiers.id_aes256_GCM.equals(algorithm.getAlgorithm()) || algorithm.getParameters() == null) {
        throw malformed(position, "content encryption " + algorithm.getAlgorithm() + " is not AES-256-GCM");
      }
      GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
      if (parameters.getNonce().length != NONCE_BYTES || parameters.getIcvLen() != TAG_BYTES) {
        throw malformed(position, "GCM nonce of " + parameters.getNonce().length + " bytes and tag of " + parameters.getIcvLen()
            + " bytes; the profile is 12 and 16");
      }
      if (content.getEncryptedContent() == null) {
        throw malformed(position, "no encrypted content");
      }
      byte[] tag = data.getMac().getOctets();
      if (tag.length != TAG_BYTES) {
        throw malformed(position, "a tag of " + tag.length + " bytes; the profile is 16");
      }
      byte[] ciphertext = content.getEncryptedContent().getOctets();
      return new Parsed(kek.getKekid().getKeyIdentifier().getOctets(), wrapped, parameters.getNonce(), ciphertext, 0,
          ciphertext.length, tag);
    } catch (SegmentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_MALFORMED, position, "not a CMS AuthEnvelopedData: " + e.getMessage(), e);
    }
  }

  private static SegmentException malformed(long position, String message) {
    return new SegmentException(CryptoErrorCode.SEGMENT_MALFORMED, position, message);
  }

  /**
   * Unwraps the content key and decrypts; returns the plaintext only if the tag verified.
   *
   * @throws SegmentException SEGMENT_AUTHENTICATION_FAILED if the key does not unwrap or the tag
   *     does not verify
   */
  public static byte[] open(SecretKey kek, Parsed segment, long position) throws SegmentException {
    return open(kek, segment, position, null);
  }

  /**
   * {@link #open(SecretKey, Parsed, long)} into an array of exactly the plaintext's size taken from
   * {@code buffers}; on failure the array is zeroed and given back. The segment's own array
   * ({@code segment.encoded()}) is changed: its tag is moved next to its ciphertext, so the caller
   * must own that array and not parse it again. With {@code buffers} null, the plaintext is a new
   * array and the segment's array is left as it is (the ciphertext and tag are copied).
   */
  public static byte[] open(SecretKey kek, Parsed segment, long position, BufferPool buffers) throws SegmentException {
    Key cek;
    try {
      Cipher wrap = WRAP.get();
      wrap.init(Cipher.UNWRAP_MODE, kek);
      cek = wrap.unwrap(segment.wrappedKey(), "AES", Cipher.SECRET_KEY);
    } catch (InvalidKeyException e) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED, position,
          "the content key does not unwrap under the attachment key: altered, or not sealed with this key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES key unwrap failed in the JDK provider", e);
    }
    return openByGcm(cek, segment, position, buffers);
  }

  /**
   * Decrypts with the JDK's GCM in one call over ciphertext and tag, which it verifies. The tag is
   * moved next to the ciphertext in the segment's array (the two bytes of its OCTET STRING header
   * are overwritten) when the caller owns it ({@code buffers} given), else in a copy.
   */
  private static byte[] openByGcm(Key cek, Parsed segment, long position, BufferPool buffers) throws SegmentException {
    int length = segment.ciphertextLength();
    byte[] source = segment.encoded();
    int offset = segment.ciphertextOffset();
    if (buffers == null) {
      source = Arrays.copyOfRange(source, offset, offset + length + TAG_BYTES);
      offset = 0;
    }
    if (offset + length + TAG_BYTES > source.length) {
      throw new IllegalStateException("a parsed segment without room for its tag after its ciphertext");
    }
    System.arraycopy(segment.tag(), 0, source, offset + length, TAG_BYTES);
    byte[] plaintext = buffers == null ? new byte[length] : buffers.take(length);
    try {
      Cipher gcm = GCM_DECRYPT.get();
      gcm.init(Cipher.DECRYPT_MODE, cek, new GCMParameterSpec(TAG_BYTES * 8, segment.nonce()));
      int n = gcm.doFinal(source, offset, length + TAG_BYTES, plaintext, 0);
      if (n != length) {
        throw new IllegalStateException("AES-GCM gave " + n + " bytes of plaintext for " + length + " of ciphertext");
      }
      return plaintext;
    } catch (javax.crypto.AEADBadTagException e) {
      Arrays.fill(plaintext, (byte) 0);
      if (buffers != null) {
        buffers.give(plaintext);
      }
      throw new SegmentException(CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED, position,
          "the AES-GCM tag does not verify: the segment was altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed in the JDK provider", e);
    }
  }
}
