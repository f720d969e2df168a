package dev.mlat.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.internal.KeyAccess;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK's PKCS#12 reader of {@link Pkcs12KeyStore}: the same identities as BouncyCastle's for EC
 * and RSA stores, nothing (so that BouncyCastle's reader decides) for every other store and every
 * broken one.
 */
class JdkPkcs12Test {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Jurisdiction FR = Jurisdiction.of("FR");
  private static final Jurisdiction DE = Jurisdiction.of("DE");

  private static Path write(PkiAlgorithm algorithm, Path dir) throws Exception {
    var pki = TestPki.builder(FR).algorithm(algorithm).build();
    Path file = dir.resolve("fr-moj-" + algorithm + ".p12");
    pki.writePkcs12("FR-MOJ", file, PASSWORD.toCharArray());
    return file;
  }

  private static Optional<List<KeyIdentity>> jdk(Path file, String password) throws Exception {
    return JdkPkcs12.identities(Files.readAllBytes(file), password.toCharArray(), Pkcs12KeyStore.DEFAULT_MAX_ENTRIES);
  }

  private static KeyRing bouncyCastle(Path file, String password) throws Exception {
    return Pkcs12KeyStore.bouncyCastle(Files.readAllBytes(file), password.toCharArray(), Pkcs12KeyStore.DEFAULT_MAX_ENTRIES, file);
  }

  /** The two readers' identities side by side: labels, chains, key algorithm and the key's numbers. */
  private static void assertSameIdentities(List<KeyIdentity> fromJdk, List<KeyIdentity> fromBc) {
    assertThat(fromJdk).hasSameSizeAs(fromBc);
    var byLabel = Comparator.comparing(KeyIdentity::label);
    var a = fromJdk.stream().sorted(byLabel).toList();
    var b = fromBc.stream().sorted(byLabel).toList();
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).label()).isEqualTo(b.get(i).label());
      assertThat(a.get(i).source()).isEqualTo(KeySource.PKCS12);
      assertThat(a.get(i).chain()).isEqualTo(b.get(i).chain());
      assertThat(a.get(i).keyAlgorithm()).isEqualTo(b.get(i).keyAlgorithm());
      assertThat(secret(KeyAccess.privateKey(a.get(i)))).isEqualTo(secret(KeyAccess.privateKey(b.get(i))));
    }
  }

  private static BigInteger secret(PrivateKey key) {
    if (key instanceof ECPrivateKey) {
      return ((ECPrivateKey) key).getS();
    }
    return ((RSAPrivateKey) key).getPrivateExponent();
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"ECDSA_P256", "RSA_3072"})
  void readsEcAndRsaStoresAsBouncyCastleDoes(PkiAlgorithm algorithm, @TempDir Path dir) throws Exception {
    Path file = write(algorithm, dir);

    var fromJdk = jdk(file, PASSWORD);

    assertThat(fromJdk).as("the JDK reads EC and RSA stores").isPresent();
    assertSameIdentities(fromJdk.get(), bouncyCastle(file, PASSWORD).identities());
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"ML_DSA_65", "COMPOSITE_MLDSA65_ECDSA_P256"})
  void stepsAsideForPostQuantumAndCompositeStoresWhichStillLoad(PkiAlgorithm algorithm, @TempDir Path dir) throws Exception {
    Path file = write(algorithm, dir);

    assertThat(jdk(file, PASSWORD)).isEmpty();
    var ring = Pkcs12KeyStore.load(file, PASSWORD.toCharArray());
    assertThat(ring.identities()).extracting(KeyIdentity::label).containsExactlyInAnyOrder("signing", "encryption", "tls");
  }

  static Stream<Path> conformanceKeyStores() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("conformance/pki/keys"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("conformance/pki/keys above the working directory").isNotNull();
    try (var files = Files.list(dir.resolve("conformance/pki/keys"))) {
      return files.filter(f -> f.toString().endsWith(".p12")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("conformanceKeyStores")
  void everyConformanceKeyStoreLoadsAndTheJdkReaderAgreesWhereItAnswers(Path file) throws Exception {
    var ring = Pkcs12KeyStore.load(file, ConformancePki.PASSWORD.toCharArray());
    var fromBc = bouncyCastle(file, ConformancePki.PASSWORD);

    assertThat(ring.identities()).extracting(KeyIdentity::label)
        .containsExactlyInAnyOrderElementsOf(fromBc.identities().stream().map(KeyIdentity::label).toList());
    boolean ecOrRsaOnly = fromBc.identities().stream().allMatch(i -> i.keyAlgorithm().equals("EC") || i.keyAlgorithm().equals("RSA"));
    var fromJdk = jdk(file, ConformancePki.PASSWORD);
    assertThat(fromJdk.isPresent()).as("the JDK reader answers exactly for EC/RSA-only stores: " + file.getFileName())
        .isEqualTo(ecOrRsaOnly);
    if (ecOrRsaOnly) {
      assertSameIdentities(fromJdk.get(), fromBc.identities());
    }
  }

  @Test
  void keepsTheFriendlyNameAsWrittenWhereTheJdkLowerCasesItsAlias(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(FR).build();
    Path file = dir.resolve("mixed.p12");
    TestPki.writePkcs12(file, PASSWORD.toCharArray(), Map.of("Signing-Key 2026", pki.authority("FR-MOJ").signing()));

    var fromJdk = jdk(file, PASSWORD);

    assertThat(fromJdk).isPresent();
    assertThat(fromJdk.get()).extracting(KeyIdentity::label).containsExactly("Signing-Key 2026");
    assertSameIdentities(fromJdk.get(), bouncyCastle(file, PASSWORD).identities());
  }

  @Test
  void stepsAsideForAWrongPasswordACorruptFileAndAJksFileWithBouncyCastlesErrorCodes(@TempDir Path dir) throws Exception {
    Path file = write(PkiAlgorithm.ECDSA_P256, dir);
    assertThat(jdk(file, "wrong")).isEmpty();
    assertSameCode(file, "wrong", CryptoErrorCode.KEYSTORE_WRONG_PASSWORD);

    byte[] bytes = Files.readAllBytes(file);
    for (int at : new int[] {1, 20, bytes.length / 2, bytes.length - 40, bytes.length - 1}) {
      byte[] broken = bytes.clone();
      broken[at] ^= 0x5a;
      Path corrupt = dir.resolve("corrupt-" + at + ".p12");
      Files.write(corrupt, broken);
      assertThat(jdk(corrupt, PASSWORD)).as("byte %d changed", at).isEmpty();
      assertSameCode(corrupt, PASSWORD, null);
    }
    Path truncated = dir.resolve("truncated.p12");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThat(jdk(truncated, PASSWORD)).isEmpty();
    assertSameCode(truncated, PASSWORD, CryptoErrorCode.KEYSTORE_INVALID);

    // the JDK's PKCS12 type also reads JKS files: those are not PKCS#12 and stay refused
    var loaded = Pkcs12KeyStore.load(file, PASSWORD.toCharArray()).identities().get(0);
    var jks = KeyStore.getInstance("JKS");
    jks.load(null, null);
    jks.setKeyEntry("signing", KeyAccess.privateKey(loaded), PASSWORD.toCharArray(), loaded.chain().toArray(new Certificate[0]));
    var out = new ByteArrayOutputStream();
    jks.store(out, PASSWORD.toCharArray());
    Path jksFile = dir.resolve("store.jks");
    Files.write(jksFile, out.toByteArray());
    assertThat(jdk(jksFile, PASSWORD)).isEmpty();
    assertSameCode(jksFile, PASSWORD, CryptoErrorCode.KEYSTORE_INVALID);
  }

  @Test
  void aStoreWithoutAKeyEntryStepsAsideAndStaysInvalid(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(FR).build();
    var certificatesOnly = KeyStore.getInstance("PKCS12", "SUN");
    certificatesOnly.load(null, null);
    certificatesOnly.setCertificateEntry("root", pki.root().certificate());
    var out = new ByteArrayOutputStream();
    certificatesOnly.store(out, PASSWORD.toCharArray());
    Path file = dir.resolve("certificates.p12");
    Files.write(file, out.toByteArray());

    assertThat(jdk(file, PASSWORD)).isEmpty();
    assertSameCode(file, PASSWORD, CryptoErrorCode.KEYSTORE_INVALID);
  }

  /** {@link Pkcs12KeyStore#load} fails as BouncyCastle's reader alone fails (and with {@code expected} when given). */
  private static void assertSameCode(Path file, String password, CryptoErrorCode expected) {
    CryptoErrorCode alone;
    try {
      bouncyCastle(file, password);
      throw new AssertionError("BouncyCastle's reader accepted " + file.getFileName());
    } catch (MlatCryptoException e) {
      alone = (CryptoErrorCode) e.errorCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    if (expected != null) {
      assertThat(alone).isEqualTo(expected);
    }
    CryptoErrorCode bcCode = alone;
    assertThatThrownBy(() -> Pkcs12KeyStore.load(file, password.toCharArray()))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(bcCode));
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"ECDSA_P256", "RSA_3072"})
  void keysReadByTheJdkSignAndDecryptThroughTheCmsEngine(PkiAlgorithm algorithm, @TempDir Path dir) throws Exception {
    Path file = write(algorithm, dir);
    assertThat(jdk(file, PASSWORD)).isPresent();
    KeyRing ring = Pkcs12KeyStore.load(file, PASSWORD.toCharArray());
    KeyIdentity signing = ring.identities().stream().filter(i -> i.label().equals("signing")).findFirst().orElseThrow();
    KeyIdentity encryption = ring.identities().stream().filter(i -> i.label().equals("encryption")).findFirst().orElseThrow();
    if (algorithm == PkiAlgorithm.ECDSA_P256) {
      assertThat(KeyAccess.privateKey(signing).getClass().getName())
          .as("EC keys are handed to BouncyCastle's provider as its own key objects").startsWith("org.bouncycastle.");
      assertThat(KeyAccess.privateKey(signing)).isSameAs(KeyAccess.privateKey(signing));
    }

    byte[] content = "a request".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] signed = CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), Clock.systemUTC())
        .signer(FR, signing, algorithm.signatureAlgorithm()).build().sign(content, Encapsulation.ENCAPSULATED);
    var cms = new CMSSignedData(signed);
    SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
    assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bouncyCastle())
        .build(signing.certificate()))).isTrue();

    byte[] sealed = CmsEncryptor.builder(AlgorithmPolicy.defaultPolicy())
        .recipient(EncryptionRecipient.of(FR, encryption.certificate())).build().encrypt(content);
    var opened = new CmsDecryptor(AlgorithmPolicy.defaultPolicy(), ring, CmsLimits.defaults()).decrypt(sealed, DE);
    assertThat(opened.content()).isEqualTo(content);
  }
}
