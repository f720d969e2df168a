package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * The in-memory verification ({@link CmsSignatureVerifier#verify(byte[], SignatureExpectation)},
 * which parses with BouncyCastle's ASN.1 classes) and the streaming one
 * ({@link CmsSignatureVerifier#verify(java.io.InputStream, SignatureExpectation, Path)}, BouncyCastle's
 * streaming parser) give the same outcome for the same bytes: the same content and signers, or
 * the same error code. Checked on real SignedData (as this library writes it, BER with indefinite
 * lengths, and re-encoded with definite lengths as other stacks write it) with one byte changed
 * or cut short anywhere.
 */
class InMemoryVerificationPropertyTest {
  private static final byte[] CONTENT = CmsEncryptorTest.random(3000);
  private static final List<byte[]> MESSAGES = messages();

  private static List<byte[]> messages() {
    try {
      byte[] ec = CmsSignerTest.signer(SignatureAlgorithm.ECDSA_SHA256).sign(CONTENT, Encapsulation.ENCAPSULATED);
      byte[] small = CmsSignerTest.signer(SignatureAlgorithm.ECDSA_SHA256).sign(new byte[] {1, 2, 3}, Encapsulation.ENCAPSULATED);
      byte[] definite = ASN1Primitive.fromByteArray(ec).getEncoded(ASN1Encoding.DL);
      return List.of(ec, small, definite);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 300)
  void oneChangedByteGivesTheSameOutcomeInMemoryAndStreamed(
      @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
    byte[] mutated = MESSAGES.get(which).clone();
    mutated[where % mutated.length] ^= (byte) mask;
    assertSameOutcome(mutated);
  }

  @Property(tries = 100)
  void aTruncatedMessageGivesTheSameOutcomeInMemoryAndStreamed(
      @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 0, max = 1_000_000) int length) throws Exception {
    byte[] message = MESSAGES.get(which);
    assertSameOutcome(java.util.Arrays.copyOf(message, length % message.length));
  }

  @Property(tries = 10)
  void theUnchangedMessagesVerifyAlikeToTheirContent(@ForAll @IntRange(min = 0, max = 2) int which) throws Exception {
    // taken by the in-memory reading, not handed to the streaming parser
    assertThat(CmsSignatureVerifier.InMemorySignedData.parse(MESSAGES.get(which), null)).isNotNull();
    String outcome = inMemory(MESSAGES.get(which));
    assertThat(outcome).startsWith("verified");
    assertThat(streamed(MESSAGES.get(which))).isEqualTo(outcome);
  }

  private static final byte[] HEADER = CmsEncryptorTest.random(900);
  private static final byte[] DETACHED = detached();

  private static byte[] detached() {
    try {
      return CmsSignerTest.signer(SignatureAlgorithm.ECDSA_SHA256).sign(HEADER, Encapsulation.DETACHED);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 200)
  void aDetachedSignatureOrItsContentWithOneChangedByteGivesTheSameOutcomeInMemoryAndStreamed(
      @ForAll boolean inContent, @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
    byte[] signature = DETACHED.clone();
    byte[] content = HEADER.clone();
    byte[] changed = inContent ? content : signature;
    changed[where % changed.length] ^= (byte) mask;
    assertThat(detachedInMemory(signature, content)).isEqualTo(detachedStreamed(signature, content));
  }

  @Property(tries = 50)
  void aTruncatedDetachedSignatureOrContentGivesTheSameOutcomeInMemoryAndStreamed(
      @ForAll boolean inContent, @ForAll @IntRange(min = 0, max = 1_000_000) int length) throws Exception {
    byte[] signature = inContent ? DETACHED : java.util.Arrays.copyOf(DETACHED, length % DETACHED.length);
    byte[] content = inContent ? java.util.Arrays.copyOf(HEADER, length % HEADER.length) : HEADER;
    assertThat(detachedInMemory(signature, content)).isEqualTo(detachedStreamed(signature, content));
  }

  @Property(tries = 5)
  void theUnchangedDetachedSignatureVerifiesAlikeInMemoryAndStreamed(@ForAll boolean unused) throws Exception {
    assertThat(CmsSignatureVerifier.InMemorySignedData.parse(DETACHED, new ByteArrayInputStream(HEADER))).isNotNull();
    String outcome = detachedInMemory(DETACHED, HEADER);
    assertThat(outcome).startsWith("verified " + HEADER.length);
    assertThat(detachedStreamed(DETACHED, HEADER)).isEqualTo(outcome);
  }

  private static String detachedInMemory(byte[] signature, byte[] content) throws Exception {
    try {
      var verified = CmsSignerTest.verifier().verifyDetached(new ByteArrayInputStream(signature), new ByteArrayInputStream(content),
          SignatureExpectation.oneSigner(DE));
      return "verified " + verified.contentLength() + " by " + verified.signers().get(0).certificate().getSerialNumber();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    }
  }

  private static String detachedStreamed(byte[] signature, byte[] content) throws Exception {
    try {
      var verified = CmsSignerTest.verifier().verifyDetachedStreamed(signature, new ByteArrayInputStream(content),
          SignatureExpectation.oneSigner(DE));
      return "verified " + verified.contentLength() + " by " + verified.signers().get(0).certificate().getSerialNumber();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    }
  }

  private static void assertSameOutcome(byte[] message) throws Exception {
    assertThat(inMemory(message)).isEqualTo(streamed(message));
  }

  private static String inMemory(byte[] message) throws Exception {
    try {
      var verified = CmsSignerTest.verifier().verify(message, SignatureExpectation.oneSigner(DE));
      return "verified " + sha256(verified.content()) + " by " + verified.signers().get(0).certificate().getSerialNumber();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    }
  }

  private static String streamed(byte[] message) throws Exception {
    Path dir = Files.createTempDirectory("mlat-streamed-");
    Path target = dir.resolve("content");
    try {
      var verified = CmsSignerTest.verifier().verify(new ByteArrayInputStream(message), SignatureExpectation.oneSigner(DE), target);
      return "verified " + sha256(Files.readAllBytes(target)) + " by " + verified.signers().get(0).certificate().getSerialNumber();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    } finally {
      Files.deleteIfExists(target);
      Files.delete(dir);
    }
  }

  /** The SHA-256 of {@code content} in hex (also for {@code InMemoryDecryptionPropertyTest}). */
  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
