package dev.mlat.crypto.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.internal.Providers;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A small RFC 3161 timestamping authority on 127.0.0.1 (JDK {@code HttpServer}) signing with a
 * {@link TestPki}'s {@linkplain TestPki#timestampAuthority() TSA credential}. It answers
 * {@code POST /tsa} with an {@code application/timestamp-query} body (up to 64 KiB) by a
 * {@code application/timestamp-reply}: status granted, a token under {@link #POLICY_OID} (or the
 * requested policy if it is {@link #OTHER_POLICY_OID}), genTime from the clock (whole seconds,
 * accuracy one second), the request's nonce, signing-certificate-v2 (SHA-256), and, when asked
 * (certReq), the TSA and issuing-CA certificates. Imprints: SHA-256, SHA-384, SHA-512 (and SHA-1,
 * so that a legacy request can be answered and refused by the verifier).
 *
 * <p>A {@link Behaviour} switches it to answer badly, for the negative tests of a client.
 *
 * <pre>{@code
 * try (var tsa = TestTimestampAuthority.start(pki)) {
 *   TimestampClient client = TimestampClient.builder(tsa.uri(), timestampVerifier).build();
 *   tsa.behaviour(TestTimestampAuthority.Behaviour.WRONG_NONCE);   // next answers carry another nonce
 * }
 * }</pre>
 *
 * <p>Thread-safe. Test material only.
 */
public final class TestTimestampAuthority implements AutoCloseable {
  /** The policy of the tokens issued (a private test OID). */
  public static final String POLICY_OID = "1.3.6.1.4.1.55555.2.1";
  /** A second policy the TSA also accepts when requested, and uses for {@link Behaviour#WRONG_POLICY}. */
  public static final String OTHER_POLICY_OID = "1.3.6.1.4.1.55555.2.2";

  private static final int MAX_REQUEST = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How the authority answers. */
  public enum Behaviour {
    /** A correct token. */
    GRANT,
    /** Status rejection, failure info badAlg. */
    REJECT,
    /** A valid token for another nonce. */
    WRONG_NONCE,
    /** A valid token over another imprint. */
    WRONG_IMPRINT,
    /** A valid token under {@link #OTHER_POLICY_OID} whatever was requested. */
    WRONG_POLICY,
    /** 200 with the right content type and bytes that are not DER. */
    GARBAGE,
    /** A correct token labelled {@code text/html}. */
    WRONG_CONTENT_TYPE,
    /** HTTP 503. */
    HTTP_ERROR,
    /** A correct token after {@link #delay(Duration)} (two seconds by default). */
    SLOW,
    /** 200 with 2 MiB of bytes. */
    OVERSIZED,
    /** A token whose signature was made with another key than the TSA certificate's. */
    BAD_SIGNATURE,
    /** A token whose signing-certificate attribute is the SHA-1 ESSCertID (v1) instead of ESSCertIDv2. */
    SIGNING_CERTIFICATE_V1,
    /** A token without certificates, whatever certReq said. */
    NO_CERTIFICATES
  }

  private final TestPki pki;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong serials = new AtomicLong(1);
  private volatile Behaviour behaviour = Behaviour.GRANT;
  private volatile Duration delay = Duration.ofSeconds(2);
  private volatile Clock clock;

  private TestTimestampAuthority(TestPki pki, HttpServer server, ExecutorService executor) {
    this.pki = pki;
    this.server = server;
    this.executor = executor;
    this.clock = pki.clock();
  }

  /** Starts an authority for {@code pki}'s TSA credential on 127.0.0.1 on a free port, with the PKI's clock. */
  public static TestTimestampAuthority start(TestPki pki) throws IOException {
    Objects.requireNonNull(pki, "pki");
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    var executor = Executors.newFixedThreadPool(2, r -> {
      var t = new Thread(r, "test-timestamp-authority");
      t.setDaemon(true);
      return t;
    });
    var tsa = new TestTimestampAuthority(pki, server, executor);
    server.createContext("/tsa", tsa::handle);
    server.setExecutor(executor);
    server.start();
    return tsa;
  }

  /** The endpoint, for example {@code http://127.0.0.1:41234/tsa}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  /** How many requests arrived so far. */
  public int requestCount() {
    return requests.get();
  }

  /** Switches how the next requests are answered. */
  public void behaviour(Behaviour behaviour) {
    this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
  }

  /** The wait of {@link Behaviour#SLOW}. */
  public void delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /** The clock genTime comes from (default: the PKI's). */
  public void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A token over {@code digest} issued directly (no HTTP), under {@link #POLICY_OID}, with the
   * current {@link Behaviour} applied where it concerns the token (WRONG_POLICY, BAD_SIGNATURE,
   * SIGNING_CERTIFICATE_V1, NO_CERTIFICATES), no nonce, certificates included.
   */
  public byte[] issueToken(DigestAlgorithm algorithm, byte[] digest) {
    var generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    var request = generator.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest);
    try {
      return token(request, behaviour).getEncoded(ASN1Encoding.DER);
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test timestamp token", e);
    }
  }

  private org.bouncycastle.tsp.TimeStampToken token(TimeStampRequest request, Behaviour how) throws Exception {
    Instant genTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var credential = pki.timestampAuthority();
    String policy = how == Behaviour.WRONG_POLICY ? OTHER_POLICY_OID
        : request.getReqPolicy() != null && OTHER_POLICY_OID.equals(request.getReqPolicy().getId()) ? OTHER_POLICY_OID : POLICY_OID;
    PrivateKey key = how == Behaviour.BAD_SIGNATURE ? otherKey(credential.keyPair()) : credential.keyPair().getPrivate();
    String signatureName = pki.algorithm().signatureAlgorithm().jcaName();
    var signedAttributes = new ASN1EncodableVector();
    signedAttributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(genTime)))));
    SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(TestPki.digests())
        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signedAttributes)))
        .build(new JcaContentSignerBuilder(signatureName).setProvider(Providers.bouncyCastle()).build(key), credential.certificate());
    var certIdDigest = TestPki.digests().get(new AlgorithmIdentifier(
        how == Behaviour.SIGNING_CERTIFICATE_V1 ? OIWObjectIdentifiers.idSHA1 : NISTObjectIdentifiers.id_sha256));
    var generator = new TimeStampTokenGenerator(signer, certIdDigest, new ASN1ObjectIdentifier(policy));
    generator.setAccuracySeconds(1);
    generator.setTSA(new GeneralName(X500Name.getInstance(credential.certificate().getSubjectX500Principal().getEncoded())));
    if (how != Behaviour.NO_CERTIFICATES) {
      generator.addCertificates(new JcaCertStore(List.of(credential.certificate(), pki.intermediate().certificate())));
    }
    // BouncyCastle issues under the request's policy when it names one: ask for the chosen one.
    var asked = new TimeStampRequestGenerator();
    asked.setCertReq(request.getCertReq());
    asked.setReqPolicy(new ASN1ObjectIdentifier(policy));
    var issued = request.getNonce() == null
        ? asked.generate(request.getMessageImprintAlgOID(), request.getMessageImprintDigest())
        : asked.generate(request.getMessageImprintAlgOID(), request.getMessageImprintDigest(), request.getNonce());
    return generator.generate(issued, BigInteger.valueOf(serials.getAndIncrement()), Date.from(genTime));
  }

  private static PrivateKey otherKey(KeyPair tsaKeys) throws GeneralSecurityException {
    String algorithm = tsaKeys.getPrivate().getAlgorithm();
    KeyPairGenerator g;
    if ("EC".equals(algorithm) || "ECDSA".equals(algorithm)) {
      g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    } else if ("RSA".equals(algorithm)) {
      g = KeyPairGenerator.getInstance("RSA");
      g.initialize(3072, RANDOM);
    } else {
      g = KeyPairGenerator.getInstance(algorithm, Providers.bouncyCastle());
    }
    return g.generateKeyPair().getPrivate();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      Behaviour how = behaviour;
      if (how == Behaviour.SLOW) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (how == Behaviour.HTTP_ERROR) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST + 1);
      if (how == Behaviour.GARBAGE) {
        send(exchange, "application/timestamp-reply", "<html>this is not a timestamp</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return;
      }
      if (how == Behaviour.OVERSIZED) {
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, 2L * 1024 * 1024);
        try (OutputStream os = exchange.getResponseBody()) {
          byte[] chunk = new byte[64 * 1024];
          for (int i = 0; i < 32; i++) {
            os.write(chunk);
          }
        }
        return;
      }
      byte[] out = answer(body, how).getEncoded();
      send(exchange, how == Behaviour.WRONG_CONTENT_TYPE ? "text/html" : "application/timestamp-reply", out);
    } catch (Exception e) {
      // the exchange is closed; the client sees a broken answer and must fail
    }
  }

  private TimeStampResponse answer(byte[] body, Behaviour how) throws Exception {
    var accepted = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512, TSPAlgorithms.SHA1);
    var policies = Set.of(new ASN1ObjectIdentifier(POLICY_OID), new ASN1ObjectIdentifier(OTHER_POLICY_OID));
    TimeStampRequest request;
    try {
      if (body.length > MAX_REQUEST) {
        throw new IOException("request larger than " + MAX_REQUEST + " bytes");
      }
      request = new TimeStampRequest(body);
    } catch (IOException | RuntimeException e) {
      return new TimeStampResponseGenerator(null, accepted).generateFailResponse(
          PKIStatus.REJECTION, PKIFailureInfo.badDataFormat, "malformed request");
    }
    try {
      request.validate(accepted, policies, null);
    } catch (TSPValidationException e) {
      return new TimeStampResponseGenerator(null, accepted).generateFailResponse(PKIStatus.REJECTION, e.getFailureCode(), e.getMessage());
    }
    if (how == Behaviour.REJECT) {
      return new TimeStampResponseGenerator(null, accepted).generateFailResponse(
          PKIStatus.REJECTION, PKIFailureInfo.badAlg, "rejected for the test");
    }
    TimeStampRequest issued = request;
    if (how == Behaviour.WRONG_NONCE || how == Behaviour.WRONG_IMPRINT) {
      var generator = new TimeStampRequestGenerator();
      generator.setCertReq(request.getCertReq());
      if (request.getReqPolicy() != null) {
        generator.setReqPolicy(request.getReqPolicy());
      }
      byte[] imprint = request.getMessageImprintDigest().clone();
      BigInteger nonce = request.getNonce();
      if (how == Behaviour.WRONG_IMPRINT) {
        imprint[0] ^= 0x01;
      } else {
        nonce = nonce == null ? BigInteger.ONE : nonce.add(BigInteger.ONE);
      }
      issued = generator.generate(request.getMessageImprintAlgOID(), imprint, nonce);
    }
    var token = token(issued, how);
    return new TimeStampResponse(new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), token.toCMSSignedData().toASN1Structure()));
  }

  private static void send(HttpExchange exchange, String type, byte[] out) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
