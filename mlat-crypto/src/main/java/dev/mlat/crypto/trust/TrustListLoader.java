package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.SignatureExpectation;
import dev.mlat.crypto.cms.SignerRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Loads a signed trust list (docs/TRUST-LIST.md) into a {@link TrustDirectory}, in this order:
 * size; the CMS signature (one signer, content type id-data, CAdES-B attributes) by a certificate
 * that chains to one of the publisher anchors given here (the publisher is not a listed
 * jurisdiction); strict JSON and the limits; rollback against the {@link TrustListState} (a lower
 * sequence number than the last accepted, or the same one with other content, is refused);
 * freshness at the clock's time (after nextUpdate: stale; issuedAt beyond the skew: not yet valid).
 * Only then is the list recorded as the last accepted one.
 *
 * <pre>{@code
 * TrustListLoader loader = TrustListLoader.builder(List.of(publisherRoot), Jurisdiction.of("NL"), TrustListState.file(stateFile))
 *     .clock(clock).build();
 * TrustList list = loader.load(Path.of("trust.p7m"));
 * TrustVerifier verifier = TrustVerifier.builder(list.directory()).clock(clock).build();
 * }</pre>
 *
 * <p>Thread-safe; concurrent loads through one loader are serialised so the rollback check and the
 * record are atomic. Use one loader per state (one process per state file): two loaders writing the
 * same state are not coordinated.
 */
public final class TrustListLoader {
  private final List<X509Certificate> publisherAnchors;
  private final Jurisdiction publisherJurisdiction;
  private final TrustListState state;
  private final Clock clock;
  private final AlgorithmPolicy policy;
  private final TrustListLimits limits;

  private TrustListLoader(Builder b) {
    this.publisherAnchors = List.copyOf(b.publisherAnchors);
    this.publisherJurisdiction = b.publisherJurisdiction;
    this.state = b.state;
    this.clock = b.clock;
    this.policy = b.policy;
    this.limits = b.limits;
  }

  /**
   * A builder.
   *
   * @param publisherAnchors the publisher's trust anchor certificate(s), CA certificates
   * @param publisherJurisdiction whose algorithm policy applies to the publisher's signature (it grants no trust)
   * @param state where the last accepted list is remembered
   * @throws IllegalArgumentException if there is no anchor or one is not a CA certificate
   */
  public static Builder builder(List<X509Certificate> publisherAnchors, Jurisdiction publisherJurisdiction, TrustListState state) {
    return new Builder(publisherAnchors, publisherJurisdiction, state);
  }

  /**
   * Reads and loads a {@code .p7m} / {@code .trustlist} file.
   *
   * @throws MlatCryptoException as {@link #load(byte[])}, and TRUST_LIST_MALFORMED when the file cannot be read
   */
  public TrustList load(Path file) throws MlatCryptoException {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(limits.maxListBytes() + 1);
    } catch (IOException e) {
      throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_MALFORMED, "cannot read the trust list " + file + ": " + e.getMessage(), e);
    }
    return load(bytes);
  }

  /**
   * Verifies and loads a signed trust list.
   *
   * @throws MlatCryptoException TRUST_LIST_LIMIT_EXCEEDED, the CMS verifier's codes (CMS_MALFORMED, CMS_CONTENT_TYPE_MISMATCH,
   *     CMS_SIGNER_COUNT, CMS_SIGNATURE_INVALID, ...), TRUST_LIST_PUBLISHER_UNTRUSTED, TRUST_LIST_MALFORMED, TRUST_LIST_ROLLBACK,
   *     TRUST_LIST_CONFLICT, TRUST_LIST_STALE, TRUST_LIST_NOT_YET_VALID, TRUST_LIST_STATE_UNAVAILABLE
   */
  public TrustList load(byte[] signedList) throws MlatCryptoException {
    Objects.requireNonNull(signedList, "signedList");
    if (signedList.length > limits.maxListBytes()) {
      throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED,
          "the trust list has more than maxListBytes " + limits.maxListBytes() + " bytes");
    }
    var trust = new PublisherTrust(new LinkedHashSet<>(publisherAnchors), policy);
    var verifier = new CmsSignatureVerifier(policy, trust, clock, CmsLimits.defaults());
    var verified = verifier.verify(signedList,
        new SignatureExpectation(publisherJurisdiction, CmsContentType.DATA, SignerRequirement.ONE_SIGNER));
    byte[] content = verified.content();
    var parsed = TrustListJson.read(content, limits);
    String digest = sha256(content);
    Instant now = clock.instant();
    synchronized (this) {
      var last = state.lastAccepted();
      if (last.isPresent()) {
        long previous = last.get().sequenceNumber();
        if (parsed.sequenceNumber() < previous) {
          throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_ROLLBACK,
              "sequence number " + parsed.sequenceNumber() + " is lower than " + previous + ", the last accepted");
        }
        if (parsed.sequenceNumber() == previous && !last.get().contentSha256().equals(digest)) {
          throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_CONFLICT,
              "sequence number " + previous + " was accepted before with other content (SHA-256 " + last.get().contentSha256() + ")");
        }
      }
      if (now.isAfter(parsed.nextUpdate())) {
        throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_STALE, "the list's nextUpdate " + parsed.nextUpdate() + " has passed (now " + now + ")");
      }
      if (parsed.issuedAt().isAfter(now.plus(limits.maxFutureSkew()))) {
        throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_NOT_YET_VALID,
            "the list is issued at " + parsed.issuedAt() + ", later than now " + now + " plus maxFutureSkew " + limits.maxFutureSkew());
      }
      if (last.isEmpty() || parsed.sequenceNumber() > last.get().sequenceNumber()) {
        state.accept(new AcceptedTrustList(parsed.sequenceNumber(), digest));
      }
    }
    return new TrustList(parsed.schemaVersion(), parsed.sequenceNumber(), parsed.issuedAt(), parsed.nextUpdate(), parsed.publisher(),
        digest, parsed.directory());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "TrustListLoader[publisherAnchors=" + publisherAnchors.size() + ", state=" + state + "]";
  }

  /** Configures a {@link TrustListLoader}. Not thread-safe. */
  public static final class Builder {
    private final List<X509Certificate> publisherAnchors;
    private final Jurisdiction publisherJurisdiction;
    private final TrustListState state;
    private Clock clock = Clock.systemUTC();
    private AlgorithmPolicy policy = AlgorithmPolicy.defaultPolicy();
    private TrustListLimits limits = TrustListLimits.defaults();

    private Builder(List<X509Certificate> publisherAnchors, Jurisdiction publisherJurisdiction, TrustListState state) {
      this.publisherAnchors = List.copyOf(Objects.requireNonNull(publisherAnchors, "publisherAnchors"));
      this.publisherJurisdiction = Objects.requireNonNull(publisherJurisdiction, "publisherJurisdiction");
      this.state = Objects.requireNonNull(state, "state");
      if (this.publisherAnchors.isEmpty()) {
        throw new IllegalArgumentException("at least one publisher anchor is needed");
      }
      for (var a : this.publisherAnchors) {
        if (a.getBasicConstraints() < 0) {
          throw new IllegalArgumentException("publisher anchor " + a.getSubjectX500Principal().getName() + " is not a CA certificate");
        }
      }
    }

    /** The clock for freshness and certificate validity (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The algorithm policy for the publisher's signature (default: {@link AlgorithmPolicy#defaultPolicy()}). */
    public Builder algorithmPolicy(AlgorithmPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The limits (default: {@link TrustListLimits#defaults()}). */
    public Builder limits(TrustListLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The loader. */
    public TrustListLoader build() {
      return new TrustListLoader(this);
    }
  }
}
