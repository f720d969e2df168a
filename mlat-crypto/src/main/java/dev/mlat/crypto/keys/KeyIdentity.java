package dev.mlat.crypto.keys;

import dev.mlat.crypto.internal.KeyAccess;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * A signing or decrypting identity: a private key and its certificate chain. The private key is
 * not reachable through this type's public API; the CMS engine of this module uses it. It never
 * appears in {@link #toString()}, logs or exceptions.
 *
 * <p>Obtain identities from {@link Pkcs12KeyStore#load}, {@link Pkcs11Token#open}, or, for a key
 * the application already holds, {@link #of(PrivateKey, List)}:
 *
 * <pre>{@code
 * KeyRing ring = Pkcs12KeyStore.load(Path.of("fr-moj.p12"), password);   // password is wiped
 * KeyIdentity signing = ring.bySubjectKeyIdentifier(ski).orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe (token keys are used through the provider's own sessions).
 */
public final class KeyIdentity {
  static {
    KeyAccess.register(new KeyAccess.Accessor() {
      @Override
      public PrivateKey privateKey(Object identity) {
        return ((KeyIdentity) identity).privateKey;
      }

      @Override
      public Optional<Provider> provider(Object identity) {
        return Optional.ofNullable(((KeyIdentity) identity).provider);
      }
    });
  }

  private final String label;
  private final PrivateKey privateKey;
  private final Provider provider;
  private final KeySource source;
  private final List<X509Certificate> chain;
  private final byte[] subjectKeyIdentifier;
  /** The certificate's issuer (its encoding, for the common exact match) and serial, read once for {@link #matches}. */
  private final X500Principal issuer;
  private final byte[] issuerEncoded;
  private final BigInteger serialNumber;

  KeyIdentity(String label, PrivateKey privateKey, Provider provider, KeySource source, List<X509Certificate> chain) {
    this.label = Objects.requireNonNull(label, "label");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.provider = provider;
    this.source = Objects.requireNonNull(source, "source");
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new IllegalArgumentException("an identity needs at least its own certificate");
    }
    this.subjectKeyIdentifier = subjectKeyIdentifierOf(this.chain.get(0));
    this.issuer = this.chain.get(0).getIssuerX500Principal();
    this.issuerEncoded = issuer.getEncoded();
    this.serialNumber = this.chain.get(0).getSerialNumber();
  }

  /**
   * An identity for a private key the application holds in memory.
   *
   * @param chain the certificate first, then its issuers (the anchor may be included; signing
   *     leaves it out of messages)
   * @throws IllegalArgumentException when the chain is empty (that the key belongs to the certificate
   *     shows when it is first used: a signature that does not verify, a message that does not open)
   */
  public static KeyIdentity of(PrivateKey privateKey, List<X509Certificate> chain) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(chain, "chain");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the identity's certificate");
    }
    return new KeyIdentity("in-memory", privateKey, null, KeySource.IN_MEMORY, chain);
  }

  static byte[] subjectKeyIdentifierOf(X509Certificate certificate) {
    byte[] ext = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (ext == null) {
      return null;
    }
    return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
  }

  /** The key store alias or token label the identity was loaded under. */
  public String label() {
    return label;
  }

  /** Where the key lives. */
  public KeySource source() {
    return source;
  }

  /** The identity's certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate followed by the issuers the key store or token held with it. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The certificate's issuer. */
  public X500Principal issuer() {
    return certificate().getIssuerX500Principal();
  }

  /** The certificate's serial number. */
  public BigInteger serialNumber() {
    return certificate().getSerialNumber();
  }

  /** The certificate's subject key identifier extension, when present (a copy). */
  public Optional<byte[]> subjectKeyIdentifier() {
    return Optional.ofNullable(subjectKeyIdentifier).map(byte[]::clone);
  }

  /** The private key's algorithm name ("EC", "RSA", "ML-DSA-65", ...); never the key itself. */
  public String keyAlgorithm() {
    return privateKey.getAlgorithm();
  }

  /** True when the identity is the one named by issuer and serial number. */
  public boolean matches(X500Principal issuer, BigInteger serial) {
    // The serial first (it tells other certificates apart at once); then the name, equal when the
    // encodings are, otherwise as X500Principal.equals compares canonical forms.
    return serialNumber.equals(serial) && (Arrays.equals(issuerEncoded, issuer.getEncoded()) || this.issuer.equals(issuer));
  }

  /** True when the identity's certificate carries this subject key identifier. */
  public boolean matchesSubjectKeyIdentifier(byte[] keyIdentifier) {
    return subjectKeyIdentifier != null && Arrays.equals(subjectKeyIdentifier, keyIdentifier);
  }

  @Override
  public String toString() {
    return "KeyIdentity[" + label + ", " + source + ", " + certificate().getSubjectX500Principal().getName()
        + ", serial " + serialNumber().toString(16) + "]";
  }
}
