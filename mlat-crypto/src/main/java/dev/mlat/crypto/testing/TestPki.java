package dev.mlat.crypto.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.internal.Pem;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.trust.AuthorityRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * A complete test PKI for one jurisdiction: a root CA, an issuing (intermediate) CA, for each
 * authority a signing, an encryption and a TLS certificate, a timestamping authority, CRLs, OCSP
 * responses, deliberately defective certificates, and writers for the trust-directory layout
 * (docs/TRUST.md), PKCS#12 and PEM. <b>Test material only</b>: private keys are held in clear.
 *
 * <pre>{@code
 * TestPki fr = TestPki.builder(Jurisdiction.of("FR"))
 *     .authority("FR-MOJ")                                   // sign + receive
 *     .authority("FR-CA", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
 *     .algorithm(PkiAlgorithm.ECDSA_P256)
 *     .clock(clock)
 *     .build();
 * fr.writeTo(trustFolder);                                   // trustFolder/FR/..., trustFolder/tsa/...
 * fr.writePkcs12("FR-MOJ", Path.of("fr-moj.p12"), password);  // entries signing, encryption, tls
 * TestCredential revoked = fr.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
 * }</pre>
 *
 * <p>Every authority certificate carries the authority's {@link PartyId} text form
 * ({@code FR:FR-MOJ}) in the subject's organizationIdentifier attribute (OID 2.5.4.97), and, for a
 * state, {@code C=} the jurisdiction's code. Certificates carry subject and authority key
 * identifiers, basic constraints (critical), key usage (critical), CRL distribution points and, when
 * an OCSP responder is attached, an authority information access OCSP URL.
 *
 * <p>Thread-safe: the revocation registry is concurrent; everything else is immutable after
 * {@link Builder#build()}.
 */
public final class TestPki {
  /** organizationIdentifier, the attribute that carries the authority's PartyId. */
  public static final String ORGANIZATION_IDENTIFIER_OID = "2.5.4.97";
  /** The private critical extension of {@link CertificateDefect#UNKNOWN_CRITICAL_EXTENSION}. */
  public static final String UNKNOWN_EXTENSION_OID = "1.3.6.1.4.1.55555.1.1";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration CRL_VALIDITY = Duration.ofDays(7);
  private static final Duration OCSP_VALIDITY = Duration.ofDays(1);

  private final Jurisdiction jurisdiction;
  private final PkiAlgorithm algorithm;
  private final Clock clock;
  private final String baseUrl;
  private final boolean ocspInCertificates;
  private final String caLabel;
  private final TestCredential root;
  private final TestCredential intermediate;
  private final Map<String, TestAuthority> authorities;
  private final TestCredential timestampAuthority;
  private final Map<BigInteger, Instant> revokedByRoot = new ConcurrentHashMap<>();
  private final Map<BigInteger, Instant> revokedByIntermediate = new ConcurrentHashMap<>();
  private final Set<BigInteger> issuedByRoot = ConcurrentHashMap.newKeySet();
  private final Set<BigInteger> issuedByIntermediate = ConcurrentHashMap.newKeySet();
  private final AtomicLong crlNumber = new AtomicLong(1);

  private TestPki(Builder b) {
    this.jurisdiction = b.jurisdiction;
    this.algorithm = b.algorithm;
    this.clock = b.clock;
    this.ocspInCertificates = b.ocspResponder != null;
    this.caLabel = b.caLabel;
    this.baseUrl = b.ocspResponder != null
        ? b.ocspResponder.uri().toString()
        : "http://pki." + jurisdiction.code().toLowerCase(Locale.ROOT) + ".mlat.test";
    Instant now = now();

    KeyPair rootKeys = generate(algorithm, Purpose.CA);
    X500Name rootName = caName("root CA");
    X509Certificate rootCert = issue(new Spec(rootName, rootKeys.getPublic(), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)))
            .ca(1).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign),
        rootName, rootKeys, null, algorithm.signatureAlgorithm().jcaName(), issuedByRoot);
    this.root = new TestCredential(rootCert, rootKeys, List.of(rootCert));

    KeyPair intermediateKeys = generate(algorithm, Purpose.CA);
    X509Certificate intermediateCert = issue(new Spec(caName("issuing CA"), intermediateKeys.getPublic(), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1825)))
            .ca(0).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).crl("root-ca.crl").ocsp(),
        rootName, rootKeys, rootCert, algorithm.signatureAlgorithm().jcaName(), issuedByRoot);
    this.intermediate = new TestCredential(intermediateCert, intermediateKeys, List.of(intermediateCert, rootCert));

    var map = new LinkedHashMap<String, TestAuthority>();
    for (var entry : b.authorities.entrySet()) {
      var id = new PartyId(jurisdiction, entry.getKey());
      map.put(entry.getKey(), new TestAuthority(
          id, entry.getValue(),
          endEntity(id, "signing", Purpose.SIGNING, null),
          endEntity(id, "encryption", Purpose.ENCRYPTION, null),
          endEntity(id, "TLS", Purpose.TLS, null)));
    }
    this.authorities = java.util.Collections.unmodifiableMap(map);

    KeyPair tsaKeys = generate(algorithm, Purpose.SIGNING);
    X509Certificate tsaCert = issueByIntermediate(
        new Spec(caName("timestamping authority"), tsaKeys.getPublic(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(730)))
            .keyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
            .extendedKeyUsage(true, KeyPurposeId.id_kp_timeStamping)
            .crl("issuing-ca.crl")
            .ocsp(),
        algorithm.signatureAlgorithm().jcaName());
    this.timestampAuthority = new TestCredential(tsaCert, tsaKeys, List.of(tsaCert, intermediateCert, rootCert));

    if (b.ocspResponder != null) {
      b.ocspResponder.register(this);
    }
  }

  /** A builder for {@code jurisdiction}'s test PKI. */
  public static Builder builder(Jurisdiction jurisdiction) {
    return new Builder(jurisdiction);
  }

  /** The jurisdiction. */
  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** The algorithm family. */
  public PkiAlgorithm algorithm() {
    return algorithm;
  }

  /** The root CA (the trust anchor). */
  public TestCredential root() {
    return root;
  }

  /** The issuing CA, below the root (path length 0). */
  public TestCredential intermediate() {
    return intermediate;
  }

  /** The authorities, in the order they were added. */
  public List<TestAuthority> authorities() {
    return List.copyOf(authorities.values());
  }

  /**
   * The authority with this identifier (within the jurisdiction).
   *
   * @throws IllegalArgumentException if there is none
   */
  public TestAuthority authority(String identifier) {
    var a = authorities.get(identifier);
    if (a == null) {
      throw new IllegalArgumentException("no authority '" + identifier + "' in this PKI; have " + authorities.keySet());
    }
    return a;
  }

  /** The timestamping authority: extendedKeyUsage timeStamping (critical), issued by the issuing CA. */
  public TestCredential timestampAuthority() {
    return timestampAuthority;
  }

  /**
   * A new signing certificate for authority {@code identifier} (registered or not) with a
   * deliberate defect, issued by the issuing CA (or a CA certificate for {@link CertificateDefect#CA_AS_SIGNER}).
   *
   * @throws IllegalArgumentException for {@link CertificateDefect#SHA1_SIGNED} in a post-quantum variant
   */
  public TestCredential issueDefective(String identifier, CertificateDefect defect) {
    Objects.requireNonNull(defect, "defect");
    var id = new PartyId(jurisdiction, identifier);
    var credential = endEntity(id, "signing", Purpose.SIGNING, defect);
    if (defect == CertificateDefect.REVOKED) {
      revoke(credential.certificate());
    }
    return credential;
  }

  /** Revokes a certificate issued by this PKI's root or issuing CA, as of the clock's now. */
  public void revoke(X509Certificate certificate) {
    revoke(certificate, now());
  }

  /**
   * Revokes a certificate issued by this PKI's root or issuing CA, as of {@code when}.
   *
   * @throws IllegalArgumentException if neither CA issued it
   */
  public void revoke(X509Certificate certificate, Instant when) {
    var serial = certificate.getSerialNumber();
    var issuer = certificate.getIssuerX500Principal();
    if (issuer.equals(intermediate.certificate().getSubjectX500Principal()) && issuedByIntermediate.contains(serial)) {
      revokedByIntermediate.put(serial, when.truncatedTo(ChronoUnit.SECONDS));
    } else if (issuer.equals(root.certificate().getSubjectX500Principal()) && issuedByRoot.contains(serial)) {
      revokedByRoot.put(serial, when.truncatedTo(ChronoUnit.SECONDS));
    } else {
      throw new IllegalArgumentException("certificate " + serial.toString(16) + " was not issued by this PKI");
    }
  }

  /** The issuing CA's CRL, current at the clock's now (next update in 7 days). */
  public X509CRL crl() {
    Instant now = now();
    return crl(now, now.plus(CRL_VALIDITY));
  }

  /** The issuing CA's CRL with the given validity window (for example a stale one). */
  public X509CRL crl(Instant thisUpdate, Instant nextUpdate) {
    return buildCrl(intermediate, revokedByIntermediate, thisUpdate, nextUpdate);
  }

  /** The root's CRL (covering the issuing CA), current at the clock's now. */
  public X509CRL rootCrl() {
    Instant now = now();
    return buildCrl(root, revokedByRoot, now, now.plus(CRL_VALIDITY));
  }

  /** The root's CRL (covering the issuing CA) with the given validity window. */
  public X509CRL rootCrl(Instant thisUpdate, Instant nextUpdate) {
    return buildCrl(root, revokedByRoot, thisUpdate, nextUpdate);
  }

  /** A DER OCSPResponse for {@code certificate}, signed by its issuing CA, current at the clock's now. */
  public byte[] ocspResponse(X509Certificate certificate) {
    Instant now = now();
    return ocspResponse(certificate, now, now.plus(OCSP_VALIDITY));
  }

  /** A DER OCSPResponse for {@code certificate} with the given thisUpdate / nextUpdate. */
  public byte[] ocspResponse(X509Certificate certificate, Instant thisUpdate, Instant nextUpdate) {
    try {
      var issuer = issuerOf(certificate);
      var id = new CertificateID(
          digests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
          new JcaX509CertificateHolder(issuer.certificate()), certificate.getSerialNumber());
      return ocspResponse(List.of(id), null, thisUpdate, nextUpdate).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | OCSPException | IOException e) {
      throw new IllegalStateException("cannot build OCSP response", e);
    }
  }

  /**
   * Writes the public trust material in the trust-directory layout of docs/TRUST.md:
   * {@code <folder>/<CODE>/anchors/root-ca.pem}, {@code intermediates/issuing-ca.pem},
   * {@code authorities/<id>-signing.pem|-encryption.pem|-tls.pem}, {@code crls/issuing-ca.crl},
   * {@code crls/root-ca.crl}, {@code authorities.json}, and the root as a timestamping anchor in
   * {@code <folder>/tsa/<CODE>-root-ca.pem}.
   */
  public void writeTo(Path folder) throws IOException {
    Path dir = folder.resolve(jurisdiction.code());
    Files.createDirectories(dir.resolve("anchors"));
    Files.createDirectories(dir.resolve("intermediates"));
    Files.createDirectories(dir.resolve("authorities"));
    Files.createDirectories(dir.resolve("crls"));
    Files.createDirectories(folder.resolve("tsa"));
    Pem.writeCertificates(dir.resolve("anchors/root-ca.pem"), List.of(root.certificate()));
    Pem.writeCertificates(dir.resolve("intermediates/issuing-ca.pem"), List.of(intermediate.certificate()));
    for (var a : authorities.values()) {
      String name = a.id().identifier();
      Pem.writeCertificates(dir.resolve("authorities/" + name + "-signing.pem"), List.of(a.signing().certificate()));
      Pem.writeCertificates(dir.resolve("authorities/" + name + "-encryption.pem"), List.of(a.encryption().certificate()));
      Pem.writeCertificates(dir.resolve("authorities/" + name + "-tls.pem"), List.of(a.tls().certificate()));
    }
    Files.writeString(dir.resolve("crls/issuing-ca.crl"), Pem.crl(crl()), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("crls/root-ca.crl"), Pem.crl(rootCrl()), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("authorities.json"), authoritiesJson(), StandardCharsets.UTF_8);
    Pem.writeCertificates(folder.resolve("tsa/" + jurisdiction.code() + "-root-ca.pem"), List.of(root.certificate()));
  }

  /**
   * Writes current OCSP responses for every authority certificate and the issuing CA into
   * {@code <folder>/<CODE>/ocsp/<id>-signing.ocsp}, ..., {@code issuing-ca.ocsp} (DER OCSPResponse).
   */
  public void writeOcspResponsesTo(Path folder) throws IOException {
    Path dir = folder.resolve(jurisdiction.code()).resolve("ocsp");
    Files.createDirectories(dir);
    for (var a : authorities.values()) {
      String name = a.id().identifier();
      Files.write(dir.resolve(name + "-signing.ocsp"), ocspResponse(a.signing().certificate()));
      Files.write(dir.resolve(name + "-encryption.ocsp"), ocspResponse(a.encryption().certificate()));
      Files.write(dir.resolve(name + "-tls.ocsp"), ocspResponse(a.tls().certificate()));
    }
    Files.write(dir.resolve("issuing-ca.ocsp"), ocspResponse(intermediate.certificate()));
  }

  /** The {@code authorities.json} text for this PKI's authorities (docs/TRUST.md). */
  public String authoritiesJson() {
    var list = new ArrayList<Map<String, Object>>();
    for (var a : authorities.values()) {
      var roles = new ArrayList<String>();
      for (var r : AuthorityRole.values()) {
        if (a.roles().contains(r)) {
          roles.add(r.jsonName());
        }
      }
      var m = new LinkedHashMap<String, Object>();
      m.put("id", a.id().toString());
      m.put("roles", roles);
      list.add(m);
    }
    var doc = new LinkedHashMap<String, Object>();
    doc.put("jurisdiction", jurisdiction.code());
    doc.put("authorities", list);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes authority {@code identifier}'s keys and chains as a PKCS#12 file with three key entries,
   * aliases {@code signing}, {@code encryption}, {@code tls}: keys under PBES2 (PBKDF2-HMAC-SHA256,
   * AES-256-CBC), integrity by HMAC-SHA256, readable by OpenSSL 3 and, for EC and RSA keys, by the
   * JDK's PKCS12 KeyStore (ML-DSA, ML-KEM and composite keys need BouncyCastle's).
   */
  public void writePkcs12(String identifier, Path file, char[] password) throws IOException {
    var a = authority(identifier);
    writePkcs12(file, password, Map.of("signing", a.signing(), "encryption", a.encryption(), "tls", a.tls()));
  }

  /** Writes any credentials as a PKCS#12 file, one key entry per alias (same protection as above). */
  public static void writePkcs12(Path file, char[] password, Map<String, TestCredential> entries) throws IOException {
    Objects.requireNonNull(password, "password");
    try {
      var builder = new PKCS12PfxPduBuilder();
      var encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
          .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
          .setIterationCount(10_000)
          .setProvider(Providers.bouncyCastle())
          .build(password);
      var utils = new JcaX509ExtensionUtils();
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        var credential = e.getValue();
        var keyId = utils.createSubjectKeyIdentifier(credential.certificate().getPublicKey());
        var bags = new ArrayList<PKCS12SafeBag>();
        for (int i = 0; i < credential.chain().size(); i++) {
          var certBag = new JcaPKCS12SafeBagBuilder(credential.chain().get(i));
          if (i == 0) {
            certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new org.bouncycastle.asn1.DERBMPString(e.getKey()));
            certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
          }
          bags.add(certBag.build());
        }
        builder.addEncryptedData(encryptor, bags.toArray(new PKCS12SafeBag[0]));
        var keyBag = new JcaPKCS12SafeBagBuilder(credential.keyPair().getPrivate(), encryptor);
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new org.bouncycastle.asn1.DERBMPString(e.getKey()));
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        builder.addData(keyBag.build());
      }
      var pfx = builder.build(
          new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setIterationCount(10_000), password);
      Files.write(file, pfx.getEncoded());
    } catch (GeneralSecurityException | OperatorCreationException | PKCSException e) {
      throw new IllegalStateException("cannot write PKCS#12", e);
    }
  }

  // ---------------------------------------------------------------- internals

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The clock the PKI was built with (the test TSA's default clock). */
  Clock clock() {
    return clock;
  }

  /** The PKI credential that issued {@code certificate}, or IllegalArgumentException. */
  TestCredential issuerOf(X509Certificate certificate) {
    var issuer = certificate.getIssuerX500Principal();
    if (issuer.equals(intermediate.certificate().getSubjectX500Principal())) {
      return intermediate;
    }
    if (issuer.equals(root.certificate().getSubjectX500Principal())) {
      return root;
    }
    throw new IllegalArgumentException("certificate was not issued by this PKI");
  }

  /** Builds an OCSP response for certificate ids of one issuer; null when no id matches this PKI. */
  OCSPResp ocspResponse(List<CertificateID> ids, Extension nonce, Instant thisUpdate, Instant nextUpdate)
      throws OCSPException, OperatorCreationException, GeneralSecurityException {
    TestCredential issuer = null;
    for (var candidate : List.of(intermediate, root)) {
      if (!ids.isEmpty() && ids.get(0).matchesIssuer(new JcaX509CertificateHolder(candidate.certificate()), digests())) {
        issuer = candidate;
      }
    }
    if (issuer == null) {
      return null;
    }
    var revoked = issuer == root ? revokedByRoot : revokedByIntermediate;
    var issued = issuer == root ? issuedByRoot : issuedByIntermediate;
    var builder = new BasicOCSPRespBuilder(new RespID(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded())));
    for (var id : ids) {
      CertificateStatus status;
      if (!id.matchesIssuer(new JcaX509CertificateHolder(issuer.certificate()), digests())) {
        status = new UnknownStatus();
      } else if (revoked.containsKey(id.getSerialNumber())) {
        status = new RevokedStatus(Date.from(revoked.get(id.getSerialNumber())), CRLReason.keyCompromise);
      } else if (issued.contains(id.getSerialNumber())) {
        status = CertificateStatus.GOOD;
      } else {
        status = new UnknownStatus();
      }
      builder.addResponse(id, status, Date.from(thisUpdate), Date.from(nextUpdate), null);
    }
    if (nonce != null) {
      builder.setResponseExtensions(new Extensions(nonce));
    }
    var basic = builder.build(signer(issuer.keyPair().getPrivate(), algorithm.signatureAlgorithm().jcaName()), null, Date.from(now()));
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
  }

  /** The CRL file names the responder serves under /crl/CODE/. */
  X509CRL crlByName(String name) {
    switch (name) {
      case "issuing-ca.crl":
        return crl();
      case "root-ca.crl":
        return rootCrl();
      default:
        return null;
    }
  }

  static DigestCalculatorProvider digests() throws OperatorCreationException {
    return new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build();
  }

  private enum Purpose { CA, SIGNING, ENCRYPTION, TLS }

  private X500Name caName(String what) {
    var b = new X500NameBuilder(BCStyle.INSTANCE);
    if (jurisdiction.isState()) {
      b.addRDN(BCStyle.C, jurisdiction.code());
    }
    b.addRDN(BCStyle.O, "mlat test PKI " + jurisdiction.code());
    b.addRDN(BCStyle.CN, jurisdiction.code() + " mlat test " + caLabel + what);
    return b.build();
  }

  private X500Name authorityName(PartyId id, String purpose, String country) {
    var b = new X500NameBuilder(BCStyle.INSTANCE);
    if (country != null) {
      b.addRDN(BCStyle.C, country);
    }
    b.addRDN(BCStyle.O, id.identifier());
    b.addRDN(new ASN1ObjectIdentifier(ORGANIZATION_IDENTIFIER_OID), id.toString());
    b.addRDN(BCStyle.CN, id.identifier() + " " + purpose);
    return b.build();
  }

  private TestCredential endEntity(PartyId id, String purposeName, Purpose purpose, CertificateDefect defect) {
    Instant now = now();
    Instant notBefore = now.minus(Duration.ofHours(1));
    Instant notAfter = now.plus(Duration.ofDays(730));
    String country = jurisdiction.isState() ? jurisdiction.code() : null;
    String signatureName = algorithm.signatureAlgorithm().jcaName();
    KeyPair keys;
    if (defect == CertificateDefect.RSA_2048) {
      keys = rsa(2048);
    } else if (defect == CertificateDefect.RSA_1024) {
      keys = rsa(1024);
    } else {
      keys = generate(algorithm, purpose);
    }
    if (defect == CertificateDefect.EXPIRED) {
      notBefore = now.minus(Duration.ofDays(30));
      notAfter = now.minus(Duration.ofDays(1));
    } else if (defect == CertificateDefect.NOT_YET_VALID) {
      notBefore = now.plus(Duration.ofDays(1));
      notAfter = now.plus(Duration.ofDays(30));
    } else if (defect == CertificateDefect.WRONG_SUBJECT_COUNTRY) {
      country = "DE".equals(jurisdiction.code()) ? "FR" : "DE";
    } else if (defect == CertificateDefect.SHA1_SIGNED) {
      switch (algorithm) {
        case ECDSA_P256:
          signatureName = "SHA1withECDSA";
          break;
        case RSA_3072:
          signatureName = "SHA1withRSA";
          break;
        default:
          throw new IllegalArgumentException("SHA1_SIGNED needs the ECDSA_P256 or RSA_3072 variant, not " + algorithm);
      }
    }
    var spec = new Spec(authorityName(id, purposeName, country), keys.getPublic(), notBefore, notAfter).crl("issuing-ca.crl").ocsp();
    switch (purpose) {
      case SIGNING:
        spec.keyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        break;
      case ENCRYPTION:
        spec.keyUsage(algorithm == PkiAlgorithm.ECDSA_P256 ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment);
        break;
      case TLS:
        spec.keyUsage(algorithm == PkiAlgorithm.RSA_3072 ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature)
            .extendedKeyUsage(false, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
            .tlsNames(id);
        break;
      default:
        throw new IllegalStateException("not an end-entity purpose: " + purpose);
    }
    if (defect == CertificateDefect.CA_AS_SIGNER) {
      spec.ca(0).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    } else if (defect == CertificateDefect.WRONG_KEY_USAGE) {
      spec.keyUsage(KeyUsage.keyEncipherment);
    } else if (defect == CertificateDefect.UNKNOWN_CRITICAL_EXTENSION) {
      spec.unknownCritical = true;
    }
    var cert = issueByIntermediate(spec, signatureName);
    return new TestCredential(cert, keys, List.of(cert, intermediate.certificate(), root.certificate()));
  }

  private X509Certificate issueByIntermediate(Spec spec, String signatureName) {
    return issue(spec, X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()),
        intermediate.keyPair(), intermediate.certificate(), signatureName, issuedByIntermediate);
  }

  /** What goes into one certificate. */
  private final class Spec {
    final X500Name subject;
    final PublicKey publicKey;
    final Instant notBefore;
    final Instant notAfter;
    Integer pathLength;
    int keyUsage;
    KeyPurposeId[] extendedKeyUsage;
    boolean extendedKeyUsageCritical;
    String crlName;
    boolean ocsp;
    PartyId tlsNames;
    boolean unknownCritical;

    Spec(X500Name subject, PublicKey publicKey, Instant notBefore, Instant notAfter) {
      this.subject = subject;
      this.publicKey = publicKey;
      this.notBefore = notBefore;
      this.notAfter = notAfter;
    }

    Spec ca(int pathLength) {
      this.pathLength = pathLength;
      return this;
    }

    Spec keyUsage(int keyUsage) {
      this.keyUsage = keyUsage;
      return this;
    }

    Spec extendedKeyUsage(boolean critical, KeyPurposeId... purposes) {
      this.extendedKeyUsage = purposes;
      this.extendedKeyUsageCritical = critical;
      return this;
    }

    Spec crl(String name) {
      this.crlName = name;
      return this;
    }

    Spec ocsp() {
      this.ocsp = ocspInCertificates;
      return this;
    }

    Spec tlsNames(PartyId id) {
      this.tlsNames = id;
      return this;
    }
  }

  private X509Certificate issue(
      Spec spec, X500Name issuerName, KeyPair issuerKeys, X509Certificate issuerCert, String signatureName, Set<BigInteger> registry) {
    try {
      var utils = new JcaX509ExtensionUtils();
      BigInteger serial = new BigInteger(127, RANDOM).setBit(126);
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          issuerName, serial, Date.from(spec.notBefore), Date.from(spec.notAfter), spec.subject, spec.publicKey);
      b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spec.publicKey));
      b.addExtension(Extension.authorityKeyIdentifier, false,
          issuerCert == null ? utils.createAuthorityKeyIdentifier(spec.publicKey) : utils.createAuthorityKeyIdentifier(issuerCert));
      b.addExtension(Extension.basicConstraints, true,
          spec.pathLength == null ? new BasicConstraints(false) : new BasicConstraints(spec.pathLength));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage));
      if (spec.extendedKeyUsage != null) {
        b.addExtension(Extension.extendedKeyUsage, spec.extendedKeyUsageCritical, new ExtendedKeyUsage(spec.extendedKeyUsage));
      }
      if (spec.crlName != null) {
        var uri = new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + "/crl/" + jurisdiction.code() + "/" + spec.crlName);
        b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(uri)), null, null)}));
      }
      if (spec.ocsp) {
        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
            new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + "/ocsp"))));
      }
      if (spec.tlsNames != null) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, spec.tlsNames.identifier().toLowerCase(Locale.ROOT) + "."
                + jurisdiction.code().toLowerCase(Locale.ROOT) + ".mlat.test"),
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      }
      if (spec.unknownCritical) {
        b.addExtension(new ASN1ObjectIdentifier(UNKNOWN_EXTENSION_OID), true, new DEROctetString(new byte[] {1}));
      }
      X509CertificateHolder holder = b.build(signer(issuerKeys.getPrivate(), signatureName));
      registry.add(serial);
      return new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle()).getCertificate(holder);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue test certificate for " + spec.subject + " with " + signatureName, e);
    }
  }

  private X509CRL buildCrl(TestCredential issuer, Map<BigInteger, Instant> revoked, Instant thisUpdate, Instant nextUpdate) {
    try {
      var b = new X509v2CRLBuilder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      for (var e : new java.util.TreeMap<>(revoked).entrySet()) {
        b.addCRLEntry(e.getKey(), Date.from(e.getValue()), CRLReason.keyCompromise);
      }
      b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
      b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber.getAndIncrement())));
      var holder = b.build(signer(issuer.keyPair().getPrivate(), algorithm.signatureAlgorithm().jcaName()));
      return new JcaX509CRLConverter().setProvider(Providers.bouncyCastle()).getCRL(holder);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot build test CRL", e);
    }
  }

  private static ContentSigner signer(PrivateKey key, String name) throws OperatorCreationException {
    return new JcaContentSignerBuilder(name).setProvider(Providers.bouncyCastle()).build(key);
  }

  private static KeyPair generate(PkiAlgorithm algorithm, Purpose purpose) {
    switch (algorithm) {
      case ECDSA_P256:
        return ec();
      case RSA_3072:
        return rsa(3072);
      case ML_DSA_65:
        return purpose == Purpose.TLS ? ec() : bc(purpose == Purpose.ENCRYPTION ? "ML-KEM-768" : "ML-DSA-65");
      case COMPOSITE_MLDSA65_ECDSA_P256:
        return purpose == Purpose.TLS ? ec() : bc(purpose == Purpose.ENCRYPTION ? "MLKEM768-ECDH-P256-SHA3-256" : "MLDSA65-ECDSA-P256-SHA512");
      default:
        throw new IllegalStateException("unknown algorithm " + algorithm);
    }
  }

  private static KeyPair ec() {
    try {
      var g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate P-256 key", e);
    }
  }

  private static KeyPair rsa(int bits) {
    try {
      var g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate RSA key", e);
    }
  }

  private static KeyPair bc(String name) {
    try {
      return KeyPairGenerator.getInstance(name, Providers.bouncyCastle()).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + name + " key", e);
    }
  }

  /**
   * Configures a {@link TestPki}. Required: the jurisdiction (in {@link TestPki#builder}). Defaults:
   * one authority {@code <CODE>-MOJ} with roles sign + receive, {@link PkiAlgorithm#ECDSA_P256}, the
   * system UTC clock, no OCSP responder. Not thread-safe.
   */
  public static final class Builder {
    private final Jurisdiction jurisdiction;
    private final Map<String, Set<AuthorityRole>> authorities = new LinkedHashMap<>();
    private PkiAlgorithm algorithm = PkiAlgorithm.ECDSA_P256;
    private Clock clock = Clock.systemUTC();
    private TestOcspResponder ocspResponder;
    private String caLabel = "";

    private Builder(Jurisdiction jurisdiction) {
      this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
    }

    /** Adds an authority with roles sign + receive. */
    public Builder authority(String identifier) {
      return authority(identifier, AuthorityRole.SIGN, AuthorityRole.RECEIVE);
    }

    /**
     * Adds an authority with the given roles.
     *
     * @throws IllegalArgumentException for an invalid identifier, a duplicate, or no role
     */
    public Builder authority(String identifier, AuthorityRole... roles) {
      new PartyId(jurisdiction, identifier); // validates
      if (roles.length == 0) {
        throw new IllegalArgumentException("authority " + identifier + " needs at least one role");
      }
      if (authorities.containsKey(identifier)) {
        throw new IllegalArgumentException("authority " + identifier + " added twice");
      }
      var set = EnumSet.noneOf(AuthorityRole.class);
      set.addAll(List.of(roles));
      authorities.put(identifier, set);
      return this;
    }

    /** The algorithm family. */
    public Builder algorithm(PkiAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** The clock validity periods, CRLs and OCSP responses are computed from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Registers the PKI with a running responder and puts its URL into certificates' authority
     * information access (OCSP) and CRL distribution points.
     */
    public Builder ocspResponder(TestOcspResponder responder) {
      this.ocspResponder = Objects.requireNonNull(responder, "responder");
      return this;
    }

    /**
     * A label put into the CA and TSA names ({@code "FR mlat test <label> root CA"}), so that several
     * PKIs of one jurisdiction in one trust directory have distinct issuer names (CRLs are matched
     * by issuer name). Default: none.
     *
     * @throws IllegalArgumentException for a blank label
     */
    public Builder caLabel(String label) {
      Objects.requireNonNull(label, "label");
      if (label.isBlank()) {
        throw new IllegalArgumentException("the CA label must not be blank");
      }
      this.caLabel = label.strip() + " ";
      return this;
    }

    /** Generates keys and issues every certificate. */
    public TestPki build() {
      if (authorities.isEmpty()) {
        authority(jurisdiction.code() + "-MOJ");
      }
      return new TestPki(this);
    }
  }

  static ASN1ObjectIdentifier nonceOid() {
    return OCSPObjectIdentifiers.id_pkix_ocsp_nonce;
  }
}
