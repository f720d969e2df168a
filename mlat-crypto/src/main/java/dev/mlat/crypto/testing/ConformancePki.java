package dev.mlat.crypto.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Pem;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs12KeyStore;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.RevocationPolicy;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fixed test PKI of the conformance kit (docs/CONFORMANCE.md): three jurisdictions (FR, US, DE)
 * and a timestamping authority, generated once into {@code conformance/pki/} and committed, with
 * certificates, CRLs and stored OCSP responses that are all valid at {@link #VERIFICATION_TIME}.
 * Every conformance vector is verified at that instant, offline, with exactly this material.
 * <b>Test material only</b>: the private keys are published.
 *
 * <p>Credentials, one CA hierarchy (root, issuing CA) per jurisdiction and algorithm family:
 * <ul>
 *   <li>FR, ECDSA P-256: FR-MOJ (sign, receive), FR-CA (sign, receive, relay: the central
 *       authority), FR-PARIS (receive: an executing authority); ML-DSA-65 / ML-KEM-768 and
 *       composite (ML-DSA-65 + ECDSA P-256 / ML-KEM-768 + ECDH P-256): FR-MOJ;
 *   <li>US, RSA-3072 (PKCS#1 v1.5 signatures, RSA-OAEP encryption): US-DOJ (sign, receive);
 *   <li>DE, ECDSA P-256, ML-DSA-65 / ML-KEM-768 and composite: DE-BFJ (sign, receive);
 *   <li>the timestamping authority of FR's ECDSA hierarchy, whose root is the only
 *       timestamping anchor ({@code trust/tsa/}).
 * </ul>
 *
 * <p>Layout written by {@link #generate(Path)}:
 * <pre>
 * trust/                       a trust directory (docs/TRUST.md), TrustDirectory.load(trust)
 *   tsa/FR-ecdsa-p256-root-ca.pem
 *   FR/anchors/&lt;family&gt;-root-ca.pem, intermediates/&lt;family&gt;-issuing-ca.pem,
 *      authorities/&lt;ID&gt;-&lt;family&gt;-signing.pem | -encryption.pem | -tls.pem,
 *      crls/&lt;family&gt;-issuing-ca.crl, &lt;family&gt;-root-ca.crl,
 *      ocsp/&lt;ID&gt;-&lt;family&gt;-signing.ocsp | ..., &lt;family&gt;-issuing-ca.ocsp, authorities.json
 *   US/..., DE/...
 * keys/&lt;ID&gt;-&lt;family&gt;.p12   entries "signing", "encryption" (and "tls" for the classical families),
 *                              password {@link #PASSWORD}
 * keys/&lt;ID&gt;-&lt;family&gt;-signing.key.pem, -encryption.key.pem   the same keys as unencrypted PKCS#8
 * keys/tsa.p12, tsa.pem, tsa.key.pem                       the timestamping authority
 * keys/FR-MOJ-ecdsa-p256-revoked.p12, -expired.p12 (and PEM) defective FR-MOJ signers ({@link DefectiveSigner})
 * pki.json                     what is where, and the instants below
 * </pre>
 *
 * <p>Regenerate (this invalidates every committed vector, which must then be regenerated too):
 * {@code conformance/generate.sh} (docs/CONFORMANCE.md). Loading: {@link #load(Path)}.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class ConformancePki {
  /** The instant every conformance vector is verified at. */
  public static final Instant VERIFICATION_TIME = Instant.parse("2026-12-01T00:00:00Z");
  /**
   * The clock the PKI was generated with: CAs valid from 30 days before it for 10 (root) and 5
   * (issuing CA) years, authority and TSA certificates from one hour before it for 730 days; CRLs
   * and OCSP responses have it as thisUpdate (and producedAt).
   */
  public static final Instant ISSUED_AT = Instant.parse("2026-11-01T00:00:00Z");
  /** The nextUpdate of every CRL and OCSP response: after it, revocation data is stale. */
  public static final Instant REVOCATION_NEXT_UPDATE = Instant.parse("2027-12-01T00:00:00Z");
  /** The password of every PKCS#12 file of the kit (published: test material). */
  public static final String PASSWORD = "mlat-conformance";
  /** The alias of the timestamping authority's key entry in {@code keys/tsa.p12}. */
  public static final String TSA_ALIAS = "timestamping";

  /** FR's ministry of justice: issues requests. */
  public static final PartyId FR_MOJ = new PartyId(Jurisdiction.of("FR"), "FR-MOJ");
  /** FR's central authority: receives and relays to executing authorities. */
  public static final PartyId FR_CA = new PartyId(Jurisdiction.of("FR"), "FR-CA");
  /** An FR executing authority: receives relayed requests. */
  public static final PartyId FR_PARIS = new PartyId(Jurisdiction.of("FR"), "FR-PARIS");
  /** The US department of justice. */
  public static final PartyId US_DOJ = new PartyId(Jurisdiction.of("US"), "US-DOJ");
  /** DE's federal office of justice. */
  public static final PartyId DE_BFJ = new PartyId(Jurisdiction.of("DE"), "DE-BFJ");

  /** An algorithm family of the PKI: one CA hierarchy per jurisdiction and family. */
  public enum Family {
    /** ECDSA P-256 signatures, ECDH P-256 (SHA-256 KDF) encryption. */
    ECDSA_P256("ecdsa-p256", PkiAlgorithm.ECDSA_P256),
    /** RSA-3072: PKCS#1 v1.5 SHA-256 signatures, RSA-OAEP SHA-256 encryption. */
    RSA_3072("rsa-3072", PkiAlgorithm.RSA_3072),
    /** ML-DSA-65 signatures, ML-KEM-768 encryption. */
    ML_DSA_65("ml-dsa-65", PkiAlgorithm.ML_DSA_65),
    /** Composite ML-DSA-65 + ECDSA P-256 signatures, composite ML-KEM-768 + ECDH P-256 encryption. */
    COMPOSITE("composite", PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256);

    private final String tag;
    private final PkiAlgorithm algorithm;

    Family(String tag, PkiAlgorithm algorithm) {
      this.tag = tag;
      this.algorithm = algorithm;
    }

    /** The tag in file names ({@code ecdsa-p256}, ...). */
    public String tag() {
      return tag;
    }

    /** The test PKI variant. */
    public PkiAlgorithm algorithm() {
      return algorithm;
    }

    boolean classical() {
      return this == ECDSA_P256 || this == RSA_3072;
    }
  }

  /**
   * A deliberately defective signing credential of FR-MOJ, issued by FR's ECDSA P-256 issuing CA,
   * for the vectors that a revoked or an expired signer is rejected. Files:
   * {@code keys/FR-MOJ-ecdsa-p256-<tag>.p12} (entry "signing"), {@code -signing.pem}, {@code -signing.key.pem}.
   */
  public enum DefectiveSigner {
    /** Revoked at {@link #ISSUED_AT} (keyCompromise): listed by the issuing CA's CRL and by its stored OCSP response. */
    REVOKED("revoked", CertificateDefect.REVOKED),
    /** Valid from 30 days to one day before {@link #ISSUED_AT}: expired at the verification time. */
    EXPIRED("expired", CertificateDefect.EXPIRED);

    private final String tag;
    private final CertificateDefect defect;

    DefectiveSigner(String tag, CertificateDefect defect) {
      this.tag = tag;
      this.defect = defect;
    }

    /** The tag in file names. */
    public String tag() {
      return tag;
    }
  }

  /** One CA hierarchy: a jurisdiction, a family, its authorities with their roles. */
  private static final class Hierarchy {
    final Jurisdiction jurisdiction;
    final Family family;
    final Map<String, Set<AuthorityRole>> authorities = new LinkedHashMap<>();

    Hierarchy(String jurisdiction, Family family) {
      this.jurisdiction = Jurisdiction.of(jurisdiction);
      this.family = family;
    }

    Hierarchy add(PartyId id, AuthorityRole... roles) {
      authorities.put(id.identifier(), EnumSet.copyOf(List.of(roles)));
      return this;
    }
  }

  private static List<Hierarchy> hierarchies() {
    return List.of(
        new Hierarchy("FR", Family.ECDSA_P256)
            .add(FR_MOJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE)
            .add(FR_CA, AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
            .add(FR_PARIS, AuthorityRole.RECEIVE),
        new Hierarchy("FR", Family.ML_DSA_65).add(FR_MOJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE),
        new Hierarchy("FR", Family.COMPOSITE).add(FR_MOJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE),
        new Hierarchy("US", Family.RSA_3072).add(US_DOJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE),
        new Hierarchy("DE", Family.ECDSA_P256).add(DE_BFJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE),
        new Hierarchy("DE", Family.ML_DSA_65).add(DE_BFJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE),
        new Hierarchy("DE", Family.COMPOSITE).add(DE_BFJ, AuthorityRole.SIGN, AuthorityRole.RECEIVE));
  }

  private final Path folder;
  private final TrustDirectory directory;

  private ConformancePki(Path folder, TrustDirectory directory) {
    this.folder = folder;
    this.directory = directory;
  }

  /**
   * Loads the committed PKI from {@code folder} (normally {@code conformance/pki}).
   *
   * @throws MlatCryptoException the trust directory's loading errors (TRUST_DIRECTORY_INVALID, ...)
   */
  public static ConformancePki load(Path folder) throws MlatCryptoException {
    Objects.requireNonNull(folder, "folder");
    return new ConformancePki(folder, TrustDirectory.load(folder.resolve("trust")));
  }

  /** The folder the PKI was loaded from. */
  public Path folder() {
    return folder;
  }

  /** The trust folder ({@code <folder>/trust}). */
  public Path trustFolder() {
    return folder.resolve("trust");
  }

  /** The loaded trust directory. */
  public TrustDirectory trustDirectory() {
    return directory;
  }

  /** A clock fixed at {@link #VERIFICATION_TIME}. */
  public static Clock verificationClock() {
    return Clock.fixed(VERIFICATION_TIME, ZoneOffset.UTC);
  }

  /** An offline, fail-closed trust verifier at {@link #VERIFICATION_TIME}: stored CRLs and OCSP responses only. */
  public TrustVerifier trustVerifier() {
    return trustVerifier(verificationClock());
  }

  /** An offline, fail-closed trust verifier with another clock (to show the fixed instant matters). */
  public TrustVerifier trustVerifier(Clock clock) {
    return TrustVerifier.builder(directory).clock(clock).revocationPolicy(RevocationPolicy.failClosed()).build();
  }

  /** The PKCS#12 file of an authority's credentials in a family. */
  public Path keyFile(PartyId authority, Family family) {
    return folder.resolve("keys").resolve(authority.identifier() + "-" + family.tag() + ".p12");
  }

  /**
   * Every key of an authority in a family (signing, encryption and, for the classical families, TLS).
   *
   * @throws MlatCryptoException KEYSTORE_INVALID when the authority has no credentials in the family
   */
  public KeyRing keyRing(PartyId authority, Family family) throws MlatCryptoException {
    return Pkcs12KeyStore.load(keyFile(authority, family), PASSWORD.toCharArray());
  }

  /**
   * One key entry ({@code "signing"}, {@code "encryption"}, {@code "tls"}) of an authority in a family.
   *
   * @throws MlatCryptoException IDENTITY_NOT_FOUND when the entry does not exist
   */
  public KeyIdentity identity(PartyId authority, Family family, String alias) throws MlatCryptoException {
    return entry(keyRing(authority, family), alias, keyFile(authority, family));
  }

  /** The key file of a defective FR-MOJ signer. */
  public Path keyFile(DefectiveSigner defective) {
    return folder.resolve("keys").resolve(FR_MOJ.identifier() + "-" + Family.ECDSA_P256.tag() + "-" + defective.tag() + ".p12");
  }

  /** A defective FR-MOJ signing credential (key and chain). */
  public KeyIdentity identity(DefectiveSigner defective) throws MlatCryptoException {
    return entry(Pkcs12KeyStore.load(keyFile(defective), PASSWORD.toCharArray()), "signing", keyFile(defective));
  }

  /** The timestamping authority's key and chain ({@code keys/tsa.p12}). */
  public KeyIdentity timestampAuthority() throws MlatCryptoException {
    Path file = folder.resolve("keys/tsa.p12");
    return entry(Pkcs12KeyStore.load(file, PASSWORD.toCharArray()), TSA_ALIAS, file);
  }

  private static KeyIdentity entry(KeyRing ring, String alias, Path file) throws MlatCryptoException {
    for (KeyIdentity identity : ring.identities()) {
      if (identity.label().equals(alias)) {
        return identity;
      }
    }
    throw new MlatCryptoException(CryptoErrorCode.IDENTITY_NOT_FOUND, "no entry '" + alias + "' in " + file);
  }

  // ---------------------------------------------------------------- generation

  /**
   * Generates a new PKI into {@code folder} (which must not exist or be empty). Keys are random:
   * run once, commit the result, and regenerate the vectors that depend on it.
   *
   * @throws IllegalArgumentException if the folder holds files
   * @throws IOException if writing fails
   */
  public static void generate(Path folder) throws IOException {
    Objects.requireNonNull(folder, "folder");
    if (Files.isDirectory(folder)) {
      try (var entries = Files.list(folder)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(folder + " is not empty: remove it first (the committed vectors depend on it)");
        }
      }
    }
    Clock clock = Clock.fixed(ISSUED_AT, ZoneOffset.UTC);
    Path trust = folder.resolve("trust");
    Path keys = folder.resolve("keys");
    Files.createDirectories(trust.resolve("tsa"));
    Files.createDirectories(keys);
    Map<Jurisdiction, Map<String, Set<AuthorityRole>>> roles = new LinkedHashMap<>();
    List<Map<String, Object>> credentials = new ArrayList<>();
    TestPki tsaPki = null;
    List<Map<String, Object>> defective = new ArrayList<>();
    for (Hierarchy h : hierarchies()) {
      var builder = TestPki.builder(h.jurisdiction).algorithm(h.family.algorithm()).caLabel(h.family.tag()).clock(clock);
      h.authorities.forEach((id, r) -> builder.authority(id, r.toArray(new AuthorityRole[0])));
      TestPki pki = builder.build();
      if (h.jurisdiction.code().equals("FR") && h.family == Family.ECDSA_P256) {
        // before the CRLs and OCSP responses are written, so that they list the revoked one
        defective.addAll(writeDefective(pki, folder));
      }
      credentials.addAll(write(pki, h.family, folder));
      var jurisdictionRoles = roles.computeIfAbsent(h.jurisdiction, j -> new TreeMap<>());
      h.authorities.forEach((id, r) -> jurisdictionRoles.merge(id, r, (a, b) -> {
        var union = EnumSet.copyOf(a);
        union.addAll(b);
        return union;
      }));
      if (h.jurisdiction.code().equals("FR") && h.family == Family.ECDSA_P256) {
        tsaPki = pki;
      }
    }
    for (var e : roles.entrySet()) {
      Files.writeString(trust.resolve(e.getKey().code()).resolve("authorities.json"),
          authoritiesJson(e.getKey(), e.getValue()), StandardCharsets.UTF_8);
    }
    Objects.requireNonNull(tsaPki, "FR ECDSA hierarchy");
    Pem.writeCertificates(trust.resolve("tsa/FR-ecdsa-p256-root-ca.pem"), List.of(tsaPki.root().certificate()));
    TestPki.writePkcs12(keys.resolve("tsa.p12"), PASSWORD.toCharArray(), Map.of(TSA_ALIAS, tsaPki.timestampAuthority()));
    tsaPki.timestampAuthority().writeCertificatePem(keys.resolve("tsa.pem"));
    tsaPki.timestampAuthority().writePrivateKeyPem(keys.resolve("tsa.key.pem"));

    var manifest = new LinkedHashMap<String, Object>();
    manifest.put("description", "mlat conformance PKI: test material only, the private keys are published");
    manifest.put("verificationTime", VERIFICATION_TIME.toString());
    manifest.put("issuedAt", ISSUED_AT.toString());
    manifest.put("revocationNextUpdate", REVOCATION_NEXT_UPDATE.toString());
    manifest.put("pkcs12Password", PASSWORD);
    manifest.put("trustFolder", "trust");
    var tsa = new LinkedHashMap<String, Object>();
    tsa.put("anchor", "trust/tsa/FR-ecdsa-p256-root-ca.pem");
    tsa.put("certificate", "keys/tsa.pem");
    tsa.put("issuingCa", "trust/FR/intermediates/ecdsa-p256-issuing-ca.pem");
    tsa.put("keyFile", "keys/tsa.p12");
    tsa.put("privateKey", "keys/tsa.key.pem");
    tsa.put("signatureAlgorithm", Family.ECDSA_P256.algorithm().signatureAlgorithm().name());
    manifest.put("timestampAuthority", tsa);
    manifest.put("credentials", credentials);
    manifest.put("defectiveSigners", defective);
    Files.writeString(folder.resolve("pki.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
  }

  private static List<Map<String, Object>> write(TestPki pki, Family family, Path folder) throws IOException {
    String code = pki.jurisdiction().code();
    String tag = family.tag();
    Path dir = folder.resolve("trust").resolve(code);
    for (String sub : List.of("anchors", "intermediates", "authorities", "crls", "ocsp")) {
      Files.createDirectories(dir.resolve(sub));
    }
    Pem.writeCertificates(dir.resolve("anchors/" + tag + "-root-ca.pem"), List.of(pki.root().certificate()));
    Pem.writeCertificates(dir.resolve("intermediates/" + tag + "-issuing-ca.pem"), List.of(pki.intermediate().certificate()));
    Files.writeString(dir.resolve("crls/" + tag + "-issuing-ca.crl"),
        Pem.crl(pki.crl(ISSUED_AT, REVOCATION_NEXT_UPDATE)), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("crls/" + tag + "-root-ca.crl"),
        Pem.crl(pki.rootCrl(ISSUED_AT, REVOCATION_NEXT_UPDATE)), StandardCharsets.US_ASCII);
    Files.write(dir.resolve("ocsp/" + tag + "-issuing-ca.ocsp"),
        pki.ocspResponse(pki.intermediate().certificate(), ISSUED_AT, REVOCATION_NEXT_UPDATE));
    var out = new ArrayList<Map<String, Object>>();
    for (TestAuthority a : pki.authorities()) {
      String base = a.id().identifier() + "-" + tag;
      var entries = new LinkedHashMap<String, TestCredential>();
      entries.put("signing", a.signing());
      entries.put("encryption", a.encryption());
      if (family.classical()) {
        entries.put("tls", a.tls());
      }
      for (var e : entries.entrySet()) {
        var certificate = e.getValue().certificate();
        Pem.writeCertificates(dir.resolve("authorities/" + base + "-" + e.getKey() + ".pem"), List.of(certificate));
        Files.write(dir.resolve("ocsp/" + base + "-" + e.getKey() + ".ocsp"),
            pki.ocspResponse(certificate, ISSUED_AT, REVOCATION_NEXT_UPDATE));
        e.getValue().writePrivateKeyPem(folder.resolve("keys/" + base + "-" + e.getKey() + ".key.pem"));
      }
      TestPki.writePkcs12(folder.resolve("keys/" + base + ".p12"), PASSWORD.toCharArray(), entries);
      var c = new LinkedHashMap<String, Object>();
      c.put("authority", a.id().toString());
      c.put("family", tag);
      c.put("roles", a.roles().stream().map(AuthorityRole::jsonName).sorted().toList());
      c.put("signatureAlgorithm", family.algorithm().signatureAlgorithm().name());
      c.put("keyEstablishment", family.algorithm().encryptionAlgorithm().name());
      c.put("keyFile", "keys/" + base + ".p12");
      c.put("signingCertificate", "trust/" + code + "/authorities/" + base + "-signing.pem");
      c.put("signingKey", "keys/" + base + "-signing.key.pem");
      c.put("encryptionCertificate", "trust/" + code + "/authorities/" + base + "-encryption.pem");
      c.put("encryptionKey", "keys/" + base + "-encryption.key.pem");
      c.put("issuingCa", "trust/" + code + "/intermediates/" + tag + "-issuing-ca.pem");
      c.put("anchor", "trust/" + code + "/anchors/" + tag + "-root-ca.pem");
      out.add(c);
    }
    return out;
  }

  private static List<Map<String, Object>> writeDefective(TestPki pki, Path folder) throws IOException {
    var out = new ArrayList<Map<String, Object>>();
    Path ocsp = Files.createDirectories(folder.resolve("trust/FR/ocsp"));
    for (DefectiveSigner d : DefectiveSigner.values()) {
      TestCredential credential = pki.issueDefective(FR_MOJ.identifier(), d.defect);
      String base = FR_MOJ.identifier() + "-" + Family.ECDSA_P256.tag() + "-" + d.tag;
      TestPki.writePkcs12(folder.resolve("keys/" + base + ".p12"), PASSWORD.toCharArray(), Map.of("signing", credential));
      credential.writeCertificatePem(folder.resolve("keys/" + base + "-signing.pem"));
      credential.writePrivateKeyPem(folder.resolve("keys/" + base + "-signing.key.pem"));
      var c = new LinkedHashMap<String, Object>();
      c.put("authority", FR_MOJ.toString());
      c.put("defect", d.tag);
      c.put("keyFile", "keys/" + base + ".p12");
      c.put("signingCertificate", "keys/" + base + "-signing.pem");
      c.put("signingKey", "keys/" + base + "-signing.key.pem");
      c.put("notAfter", credential.certificate().getNotAfter().toInstant().toString());
      if (d == DefectiveSigner.REVOKED) {
        Files.write(ocsp.resolve(base + "-signing.ocsp"), pki.ocspResponse(credential.certificate(), ISSUED_AT, REVOCATION_NEXT_UPDATE));
        c.put("revokedAt", ISSUED_AT.toString());
        c.put("ocspResponse", "trust/FR/ocsp/" + base + "-signing.ocsp");
      }
      out.add(c);
    }
    return out;
  }

  private static String authoritiesJson(Jurisdiction jurisdiction, Map<String, Set<AuthorityRole>> authorities) throws IOException {
    var list = new ArrayList<Map<String, Object>>();
    for (var e : authorities.entrySet()) {
      var roleNames = new ArrayList<String>();
      for (AuthorityRole r : AuthorityRole.values()) {
        if (e.getValue().contains(r)) {
          roleNames.add(r.jsonName());
        }
      }
      var m = new LinkedHashMap<String, Object>();
      m.put("id", new PartyId(jurisdiction, e.getKey()).toString());
      m.put("roles", roleNames);
      list.add(m);
    }
    var doc = new LinkedHashMap<String, Object>();
    doc.put("jurisdiction", jurisdiction.code());
    doc.put("authorities", list);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
  }

  /**
   * Generates the PKI: {@code ConformancePki <folder>} (normally {@code conformance/pki}, empty or absent).
   *
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ConformancePki <empty output folder, normally conformance/pki>");
      System.exit(2);
    }
    generate(Path.of(args[0]));
  }
}
