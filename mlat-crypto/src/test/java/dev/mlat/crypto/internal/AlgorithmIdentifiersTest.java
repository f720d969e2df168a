package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.KeyFamily;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key descriptions, and the memory of recently described key objects giving the same answers on any thread. */
class AlgorithmIdentifiersTest {
  static final List<PublicKey> KEYS = new ArrayList<>();

  @BeforeAll
  static void keys() throws Exception {
    for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1"}) {
      var g = KeyPairGenerator.getInstance("EC", Providers.bouncyCastle());
      g.initialize(new ECGenParameterSpec(curve));
      for (int i = 0; i < 8; i++) {
        KEYS.add(g.generateKeyPair().getPublic());
      }
    }
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KEYS.add(rsa.generateKeyPair().getPublic());
    KEYS.add(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
  }

  /** The description computed from a fresh copy of the key's encoding, which no memory can know. */
  private static AlgorithmIdentifiers.KeyDescription fresh(PublicKey key) throws Exception {
    String algorithm = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
    return AlgorithmIdentifiers.describe(KeyFactory.getInstance(algorithm, Providers.bouncyCastle())
        .generatePublic(new X509EncodedKeySpec(key.getEncoded())));
  }

  @Test
  void describesFamilySizeAndCurve() {
    assertThat(AlgorithmIdentifiers.describe(KEYS.get(0)).curveOid()).isEqualTo(AlgorithmIdentifiers.P256);
    assertThat(AlgorithmIdentifiers.describe(KEYS.get(8)).curveOid()).isEqualTo(AlgorithmIdentifiers.P384);
    assertThat(AlgorithmIdentifiers.describe(KEYS.get(16)).curveOid()).isEqualTo(AlgorithmIdentifiers.P521);
    var rsa = AlgorithmIdentifiers.describe(KEYS.get(24));
    assertThat(rsa.family()).isEqualTo(KeyFamily.RSA);
    assertThat(rsa.bits()).isEqualTo(2048);
  }

  @Test
  void aKeyDescribedAgainGetsTheSameDescriptionAsAFreshCopyOfIt() throws Exception {
    for (int round = 0; round < 3; round++) {
      for (PublicKey key : KEYS) {
        assertThat(AlgorithmIdentifiers.describe(key)).isEqualTo(fresh(key));
      }
    }
  }

  @Test
  void manyThreadsDescribingManyKeysAlwaysGetTheKeysOwnDescription() throws Exception {
    var expected = new ArrayList<AlgorithmIdentifiers.KeyDescription>();
    for (PublicKey key : KEYS) {
      expected.add(fresh(key));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var futures = new ArrayList<Future<Integer>>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          int wrong = 0;
          for (int i = 0; i < 20_000; i++) {
            int k = (i * 7 + seed) % KEYS.size();
            if (!AlgorithmIdentifiers.describe(KEYS.get(k)).equals(expected.get(k))) {
              wrong++;
            }
          }
          return wrong;
        }));
      }
      for (var f : futures) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
