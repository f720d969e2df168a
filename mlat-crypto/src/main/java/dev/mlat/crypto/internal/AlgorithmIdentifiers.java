package dev.mlat.crypto.internal;

import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.SignatureAlgorithm;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Maps wire AlgorithmIdentifiers and encoded public keys to the module's enums. */
public final class AlgorithmIdentifiers {
  private static final byte[] DER_NULL = {0x05, 0x00};

  /** Named curves the library recognises, by OID. */
  public static final String P256 = "1.2.840.10045.3.1.7";
  public static final String P384 = "1.3.132.0.34";
  public static final String P521 = "1.3.132.0.35";

  private AlgorithmIdentifiers() {}

  /** What a public key is: family, RSA size, EC curve OID. */
  public record KeyDescription(KeyFamily family, int bits, String curveOid, String spkiOid) {
    /** For messages: "RSA 2048", "EC P-256", "ML_DSA_65", or the unknown OID. */
    public String describe() {
      if (family == null) {
        return "key of unknown type " + spkiOid;
      }
      switch (family) {
        case RSA:
          return "RSA " + bits + "-bit key";
        case EC:
          return "EC key on " + curveName(curveOid);
        default:
          return family.name() + " key";
      }
    }
  }

  /** A printable name for a curve OID. */
  public static String curveName(String curveOid) {
    if (curveOid == null) {
      return "explicit (unnamed) curve parameters";
    }
    switch (curveOid) {
      case P256:
        return "P-256";
      case P384:
        return "P-384";
      case P521:
        return "P-521";
      default:
        return "curve " + curveOid;
    }
  }

  /** How many recently described keys are remembered (a power of two). */
  private static final int RECENT_SLOTS = 16;
  /**
   * The descriptions of recently described key objects, by identity: the same certificate's key
   * object is described by the policy check, the encryptor and the signer of every package.
   * Entries are immutable and replaced whole, so readers on any thread see a complete one; a
   * collision only costs a re-computation.
   */
  private static final AtomicReferenceArray<Described> RECENT = new AtomicReferenceArray<>(RECENT_SLOTS);

  private record Described(PublicKey key, KeyDescription description) {}

  /**
   * Describes any JCA public key from its SubjectPublicKeyInfo encoding. A key object described
   * recently is answered from memory (public keys are immutable); thread-safe.
   */
  public static KeyDescription describe(PublicKey key) {
    int slot = System.identityHashCode(key) & (RECENT_SLOTS - 1);
    Described recent = RECENT.get(slot);
    if (recent != null && recent.key() == key) {
      return recent.description();
    }
    KeyDescription description = describeEncoding(key);
    RECENT.set(slot, new Described(key, description));
    return description;
  }

  private static KeyDescription describeEncoding(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      return new KeyDescription(null, 0, null, key.getAlgorithm());
    }
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(encoded);
    } catch (RuntimeException e) {
      return new KeyDescription(null, 0, null, key.getAlgorithm());
    }
    String oid = spki.getAlgorithm().getAlgorithm().getId();
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption.getId()) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS.getId())) {
      int bits;
      if (key instanceof RSAPublicKey) {
        bits = ((RSAPublicKey) key).getModulus().bitLength();
      } else {
        try {
          BigInteger modulus = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus();
          bits = modulus.bitLength();
        } catch (Exception e) {
          bits = 0;
        }
      }
      return new KeyDescription(KeyFamily.RSA, bits, null, oid);
    }
    if (oid.equals(KeyFamily.EC.oid())) {
      var params = spki.getAlgorithm().getParameters();
      String curve = params instanceof ASN1ObjectIdentifier ? ((ASN1ObjectIdentifier) params).getId() : null;
      return new KeyDescription(KeyFamily.EC, 0, curve, oid);
    }
    for (var family : KeyFamily.values()) {
      if (family.oid().equals(oid)) {
        return new KeyDescription(family, 0, null, oid);
      }
    }
    return new KeyDescription(null, 0, null, oid);
  }

  /** The signature algorithm for an OID plus parameters. */
  public static Optional<SignatureAlgorithm> signature(String oid, byte[] params) {
    if (oid == null) {
      return Optional.empty();
    }
    if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS.getId())) {
      return pss(params);
    }
    if (!absentOrNull(params)) {
      return Optional.empty();
    }
    for (var alg : SignatureAlgorithm.values()) {
      if (alg.oid().equals(oid) && !alg.name().startsWith("RSA_PSS")) {
        return Optional.of(alg);
      }
    }
    // sha1WithRSA also appears under the OIW OID.
    if (oid.equals(OIWObjectIdentifiers.sha1WithRSA.getId())) {
      return Optional.of(SignatureAlgorithm.RSA_PKCS1_SHA1);
    }
    return Optional.empty();
  }

  /** The key-establishment algorithm for an OID plus parameters. */
  public static Optional<KeyEstablishmentAlgorithm> keyEstablishment(String oid, byte[] params) {
    if (oid == null) {
      return Optional.empty();
    }
    if (oid.equals(PKCSObjectIdentifiers.id_RSAES_OAEP.getId())) {
      return oaep(params);
    }
    for (var alg : KeyEstablishmentAlgorithm.values()) {
      if (alg.oid().equals(oid)) {
        // ECDH schemes carry the key-wrap algorithm as parameters; the others none or NULL.
        if (alg.kind() != KeyEstablishmentAlgorithm.Kind.KEY_AGREEMENT && !absentOrNull(params)) {
          return Optional.empty();
        }
        return Optional.of(alg);
      }
    }
    return Optional.empty();
  }

  private static boolean absentOrNull(byte[] params) {
    return params == null || params.length == 0 || Arrays.equals(params, DER_NULL);
  }

  private static Optional<SignatureAlgorithm> pss(byte[] params) {
    if (params == null) {
      return Optional.empty(); // PSS defaults are SHA-1
    }
    try {
      var p = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(params));
      var hash = p.getHashAlgorithm().getAlgorithm();
      var mgf = p.getMaskGenAlgorithm();
      if (!mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)) {
        return Optional.empty();
      }
      var mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm();
      if (!hash.equals(mgfHash) || p.getTrailerField().intValue() != 1 || p.getSaltLength().intValue() < 32) {
        return Optional.empty();
      }
      if (hash.equals(NISTObjectIdentifiers.id_sha256)) {
        return Optional.of(SignatureAlgorithm.RSA_PSS_SHA256);
      }
      if (hash.equals(NISTObjectIdentifiers.id_sha384)) {
        return Optional.of(SignatureAlgorithm.RSA_PSS_SHA384);
      }
      if (hash.equals(NISTObjectIdentifiers.id_sha512)) {
        return Optional.of(SignatureAlgorithm.RSA_PSS_SHA512);
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Optional<KeyEstablishmentAlgorithm> oaep(byte[] params) {
    try {
      var p = params == null ? new RSAESOAEPparams() : RSAESOAEPparams.getInstance(ASN1Primitive.fromByteArray(params));
      var hash = p.getHashAlgorithm().getAlgorithm();
      var mgf = p.getMaskGenAlgorithm();
      if (!mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)) {
        return Optional.empty();
      }
      var mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm();
      if (!hash.equals(mgfHash)) {
        return Optional.empty();
      }
      if (!p.getPSourceAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.id_pSpecified)) {
        return Optional.empty();
      }
      if (hash.equals(OIWObjectIdentifiers.idSHA1)) {
        return Optional.of(KeyEstablishmentAlgorithm.RSA_OAEP_SHA1);
      }
      if (hash.equals(NISTObjectIdentifiers.id_sha256)) {
        return Optional.of(KeyEstablishmentAlgorithm.RSA_OAEP_SHA256);
      }
      if (hash.equals(NISTObjectIdentifiers.id_sha384)) {
        return Optional.of(KeyEstablishmentAlgorithm.RSA_OAEP_SHA384);
      }
      if (hash.equals(NISTObjectIdentifiers.id_sha512)) {
        return Optional.of(KeyEstablishmentAlgorithm.RSA_OAEP_SHA512);
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

}
