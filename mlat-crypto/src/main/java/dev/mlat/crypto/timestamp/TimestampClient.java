package dev.mlat.crypto.timestamp;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.timestamp.internal.BoundedBody;
import dev.mlat.crypto.timestamp.internal.TimestampTokens;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Obtains RFC 3161 timestamps from a timestamping authority over HTTP (RFC 3161 3.4: a POST of an
 * {@code application/timestamp-query}, answered by an {@code application/timestamp-reply}). Each
 * request carries the digest of the data, a fresh 64-bit random nonce, {@code certReq=true} and,
 * when configured, a TSA policy. The answer is read up to {@link TimestampLimits#maxResponseBytes()}
 * within {@link TimestampLimits#timeout()} (connection to last byte), its status must be granted,
 * the token must answer this request (nonce, imprint, policy), and it is then verified in full by
 * the {@link TimestampVerifier} (signature, algorithms, the TSA's trust at genTime).
 *
 * <pre>{@code
 * TimestampClient tsa = TimestampClient.builder(URI.create("http://tsa.example/tsp"), timestampVerifier).build();
 * VerifiedTimestamp ts = tsa.timestamp(signerInfoSignatureValue, Jurisdiction.of("FR"));  // CAdES B-T
 * byte[] attributeValue = ts.token();   // the id-aa-signatureTimeStampToken value
 * }</pre>
 *
 * <p>Failures: {@link TimestampException} with {@code TIMESTAMP_AUTHORITY_UNAVAILABLE} (unreachable,
 * timeout, HTTP status not 200), {@code TIMESTAMP_TOO_LARGE}, {@code TIMESTAMP_RESPONSE_MALFORMED}
 * (not a TimeStampResp, wrong content type, granted without token), {@code TIMESTAMP_REJECTED},
 * {@code TIMESTAMP_NONCE_MISMATCH}, {@code TIMESTAMP_IMPRINT_MISMATCH}, {@code TIMESTAMP_POLICY_MISMATCH},
 * and every failure of {@link TimestampVerifier}. Redirects are not followed.
 *
 * <p>Immutable and thread-safe; each call blocks up to the timeout.
 */
public final class TimestampClient {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String QUERY_TYPE = "application/timestamp-query";
  private static final String REPLY_TYPE = "application/timestamp-reply";
  /** The name used by drafts of RFC 3161 and still sent by some TSAs. */
  private static final String LEGACY_REPLY_TYPE = "application/timestamp-response";

  private final URI uri;
  private final TimestampVerifier verifier;
  private final DigestAlgorithm digest;
  private final String policy;
  private final TimestampLimits limits;
  private final HttpClient http;

  private TimestampClient(Builder b) {
    this.uri = b.uri;
    this.verifier = b.verifier;
    this.digest = b.digest;
    this.policy = b.policy;
    this.limits = b.limits == null ? b.verifier.limits() : b.limits;
    this.http = HttpClient.newBuilder()
        .connectTimeout(limits.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * A builder for the TSA at {@code uri} (http or https), verifying answers with {@code verifier}.
   * Defaults: SHA-256 imprints, no requested policy, the verifier's limits.
   *
   * @throws IllegalArgumentException if {@code uri} is not an absolute http or https URI
   */
  public static Builder builder(URI uri, TimestampVerifier verifier) {
    return new Builder(uri, verifier);
  }

  /** The TSA's URL. */
  public URI uri() {
    return uri;
  }

  /** The digest algorithm of the message imprints sent. */
  public DigestAlgorithm digestAlgorithm() {
    return digest;
  }

  /** The TSA policy requested, when one is. */
  public Optional<String> requestedPolicy() {
    return Optional.ofNullable(policy);
  }

  /**
   * Timestamps {@code data} (for CAdES B-T: the SignerInfo's signature value) and verifies the token.
   *
   * @param jurisdiction the jurisdiction of the signature being timestamped (for per-jurisdiction algorithm rules)
   * @throws TimestampException a {@code TIMESTAMP_*} code
   * @throws dev.mlat.crypto.AlgorithmRefusedException when the policy refuses an algorithm of the token
   */
  public VerifiedTimestamp timestamp(byte[] data, Jurisdiction jurisdiction) throws MlatCryptoException {
    Objects.requireNonNull(data, "data");
    return timestampDigest(TimestampTokens.digest(digest, data), jurisdiction);
  }

  /**
   * Timestamps data whose digest, with {@link #digestAlgorithm()}, is {@code dataDigest}.
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   * @throws TimestampException a {@code TIMESTAMP_*} code
   * @throws dev.mlat.crypto.AlgorithmRefusedException when the policy refuses an algorithm of the token
   */
  public VerifiedTimestamp timestampDigest(byte[] dataDigest, Jurisdiction jurisdiction) throws MlatCryptoException {
    Objects.requireNonNull(dataDigest, "dataDigest");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    if (dataDigest.length != digest.length()) {
      throw new IllegalArgumentException("a " + digest + " digest has " + digest.length() + " bytes, got " + dataDigest.length);
    }
    var generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    if (policy != null) {
      generator.setReqPolicy(new ASN1ObjectIdentifier(policy));
    }
    BigInteger nonce;
    do {
      nonce = new BigInteger(64, RANDOM);
    } while (nonce.signum() == 0);
    TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(digest.oid()), dataDigest, nonce);

    byte[] body = post(encode(request));
    TimeStampResponse response;
    try {
      response = new TimeStampResponse(TimeStampResp.getInstance(ASN1Primitive.fromByteArray(body)));
    } catch (IOException | RuntimeException | org.bouncycastle.tsp.TSPException e) {
      throw fail(CryptoErrorCode.TIMESTAMP_RESPONSE_MALFORMED, "the answer is not a DER TimeStampResp: " + e.getMessage(), e);
    }
    int status = response.getStatus();
    if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
      throw fail(CryptoErrorCode.TIMESTAMP_REJECTED, "the TSA answered status " + statusName(status)
          + (response.getStatusString() == null ? "" : " \"" + response.getStatusString() + "\"")
          + (response.getFailInfo() == null ? "" : ", failure info " + response.getFailInfo()), null);
    }
    var token = response.getTimeStampToken();
    if (token == null) {
      throw fail(CryptoErrorCode.TIMESTAMP_RESPONSE_MALFORMED, "the TSA granted the request but sent no token", null);
    }
    TimeStampTokenInfo info = token.getTimeStampInfo();
    if (info.getNonce() == null || !info.getNonce().equals(nonce)) {
      throw fail(CryptoErrorCode.TIMESTAMP_NONCE_MISMATCH,
          "the token's nonce " + info.getNonce() + " is not the request's nonce " + nonce, null);
    }
    if (!info.getMessageImprintAlgOID().getId().equals(digest.oid()) || !MessageDigest.isEqual(info.getMessageImprintDigest(), dataDigest)) {
      throw fail(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH,
          "the token's message imprint (" + info.getMessageImprintAlgOID() + ") is not the " + digest + " digest that was sent", null);
    }
    if (policy != null && !policy.equals(info.getPolicy().getId())) {
      throw fail(CryptoErrorCode.TIMESTAMP_POLICY_MISMATCH,
          "the token was issued under TSA policy " + info.getPolicy() + ", the request asked for " + policy, null);
    }
    byte[] tokenDer;
    try {
      tokenDer = token.toCMSSignedData().toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw fail(CryptoErrorCode.TIMESTAMP_RESPONSE_MALFORMED, "the token cannot be encoded: " + e.getMessage(), e);
    }
    try {
      return verifier.verifyDigest(tokenDer, digest, dataDigest, jurisdiction);
    } catch (TimestampException e) {
      throw new TimestampException(e.errorCode(), e.getMessage(), uri, e.getCause());
    }
  }

  private byte[] post(byte[] request) throws TimestampException {
    var http = HttpRequest.newBuilder(uri)
        .timeout(limits.timeout())
        .header("Content-Type", QUERY_TYPE)
        .header("Accept", REPLY_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
        .build();
    CompletableFuture<HttpResponse<byte[]>> future = this.http.sendAsync(http, BoundedBody.handler(limits.maxResponseBytes()));
    HttpResponse<byte[]> response;
    try {
      response = future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE, "no complete answer within " + limits.timeout(), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw fail(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE, "interrupted while waiting for the TSA", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof BoundedBody.TooLarge) && cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      if (cause instanceof BoundedBody.TooLarge) {
        throw fail(CryptoErrorCode.TIMESTAMP_TOO_LARGE,
            "the answer is larger than maxResponseBytes " + limits.maxResponseBytes(), cause);
      }
      if (e.getCause() instanceof HttpTimeoutException) {
        // the request's own timeout (connect, or headers) fired before the overall one
        throw fail(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE, "no complete answer within " + limits.timeout(), e.getCause());
      }
      throw fail(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE,
          "the request failed: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
    }
    if (response.statusCode() != 200) {
      throw fail(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE, "the TSA answered HTTP status " + response.statusCode(), null);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!bare.equals(REPLY_TYPE) && !bare.equals(LEGACY_REPLY_TYPE)) {
      throw fail(CryptoErrorCode.TIMESTAMP_RESPONSE_MALFORMED,
          "the answer's content type is '" + type + "', expected " + REPLY_TYPE, null);
    }
    return response.body();
  }

  private byte[] encode(TimeStampRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a timestamp request", e);
    }
  }

  private static String statusName(int status) {
    switch (status) {
      case PKIStatus.REJECTION:
        return "rejection";
      case PKIStatus.WAITING:
        return "waiting";
      case PKIStatus.REVOCATION_WARNING:
        return "revocationWarning";
      case PKIStatus.REVOCATION_NOTIFICATION:
        return "revocationNotification";
      default:
        return Integer.toString(status);
    }
  }

  private TimestampException fail(CryptoErrorCode code, String message, Throwable cause) {
    return new TimestampException(code, message, uri, cause);
  }

  /** Configures a {@link TimestampClient}. Not thread-safe. */
  public static final class Builder {
    private final URI uri;
    private final TimestampVerifier verifier;
    private DigestAlgorithm digest = DigestAlgorithm.SHA256;
    private String policy;
    private TimestampLimits limits;

    private Builder(URI uri, TimestampVerifier verifier) {
      Objects.requireNonNull(uri, "uri");
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("the TSA URL must be an absolute http or https URL, got " + uri);
      }
      this.uri = uri;
    }

    /**
     * The digest of the message imprints sent (default SHA-256).
     *
     * @throws IllegalArgumentException if the verifier's algorithm policy does not allow it
     */
    public Builder digest(DigestAlgorithm digest) {
      Objects.requireNonNull(digest, "digest");
      if (!verifier.algorithmPolicy().allows(digest)) {
        throw new IllegalArgumentException(digest + " is not allowed by the algorithm policy '"
            + verifier.algorithmPolicy().name() + "'; use SHA256, SHA384 or SHA512");
      }
      this.digest = digest;
      return this;
    }

    /**
     * Asks the TSA to issue under this policy (dotted OID); a token under another policy then fails
     * with {@code TIMESTAMP_POLICY_MISMATCH}.
     *
     * @throws IllegalArgumentException if {@code oid} is not a dotted OID
     */
    public Builder policy(String oid) {
      this.policy = TimestampVerifier.checkedOid(oid);
      return this;
    }

    /** The limits for this client's requests (default: the verifier's). */
    public Builder limits(TimestampLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The client. */
    public TimestampClient build() {
      return new TimestampClient(this);
    }
  }
}
