package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.util.EnumMap;
import java.util.Map;

/** Test PKIs shared by the CMS tests (generated once per JVM: RSA-3072 keys are slow). */
final class Pkis {
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final Jurisdiction DE = Jurisdiction.of("DE");
  private static final Map<PkiAlgorithm, TestPki> PKIS = new EnumMap<>(PkiAlgorithm.class);

  private Pkis() {}

  static synchronized TestPki pki(PkiAlgorithm algorithm) {
    return PKIS.computeIfAbsent(algorithm, a -> TestPki.builder(DE).algorithm(a).authority("DE-MOJ").authority("DE-BKA").build());
  }

  static TestCredential encryption(PkiAlgorithm algorithm) {
    return pki(algorithm).authority("DE-MOJ").encryption();
  }

  static TestCredential signing(PkiAlgorithm algorithm) {
    return pki(algorithm).authority("DE-MOJ").signing();
  }

  static KeyIdentity identity(TestCredential credential) {
    return KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain());
  }

  static KeyRing ring(TestCredential... credentials) {
    var ids = new java.util.ArrayList<KeyIdentity>();
    for (var c : credentials) {
      ids.add(identity(c));
    }
    return KeyRing.of(ids);
  }
}
