package dev.mlat.crypto.keys;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Several identities at once, for example an authority's current keys and, after a key rotation,
 * its previous decryption key that older messages were sealed to. The CMS decryption picks the
 * identity a message was sealed to by issuer and serial number or subject key identifier.
 *
 * <pre>{@code
 * KeyRing ring = Pkcs12KeyStore.load(current, pw1).plus(Pkcs12KeyStore.load(previous, pw2));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyRing {
  private final List<KeyIdentity> identities;

  private KeyRing(List<KeyIdentity> identities) {
    this.identities = List.copyOf(identities);
  }

  /** A key ring of these identities (in lookup order). */
  public static KeyRing of(Collection<KeyIdentity> identities) {
    Objects.requireNonNull(identities, "identities");
    return new KeyRing(new ArrayList<>(identities));
  }

  /** A key ring of these identities (in lookup order). */
  public static KeyRing of(KeyIdentity... identities) {
    return of(List.of(identities));
  }

  /** This ring's identities followed by {@code other}'s. */
  public KeyRing plus(KeyRing other) {
    Objects.requireNonNull(other, "other");
    var all = new ArrayList<>(identities);
    all.addAll(other.identities);
    return new KeyRing(all);
  }

  /** All identities, in lookup order. */
  public List<KeyIdentity> identities() {
    return identities;
  }

  /** The identity whose certificate has this issuer and serial number. */
  public Optional<KeyIdentity> byIssuerAndSerial(X500Principal issuer, BigInteger serial) {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(serial, "serial");
    return identities.stream().filter(i -> i.matches(issuer, serial)).findFirst();
  }

  /** The identity whose certificate carries this subject key identifier. */
  public Optional<KeyIdentity> bySubjectKeyIdentifier(byte[] keyIdentifier) {
    Objects.requireNonNull(keyIdentifier, "keyIdentifier");
    return identities.stream().filter(i -> i.matchesSubjectKeyIdentifier(keyIdentifier)).findFirst();
  }

  /**
   * The identity holding {@code certificate}.
   *
   * @throws MlatCryptoException IDENTITY_NOT_FOUND
   */
  public KeyIdentity require(X509Certificate certificate) throws MlatCryptoException {
    Objects.requireNonNull(certificate, "certificate");
    return identities.stream().filter(i -> i.certificate().equals(certificate)).findFirst()
        .orElseThrow(() -> new MlatCryptoException(CryptoErrorCode.IDENTITY_NOT_FOUND,
            "no identity for certificate " + certificate.getSubjectX500Principal().getName() + " serial "
                + certificate.getSerialNumber().toString(16) + " among " + identities.size() + " identities"));
  }

  @Override
  public String toString() {
    return "KeyRing" + identities;
  }
}
