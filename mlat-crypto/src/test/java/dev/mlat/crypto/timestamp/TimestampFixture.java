package dev.mlat.crypto.timestamp;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A French test PKI written to a trust folder, with verifiers on a fixed clock. */
public final class TimestampFixture {
  public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final Jurisdiction FR = Jurisdiction.of("FR");

  public final TestPki pki;
  public final TrustDirectory directory;
  public final TrustVerifier trust;
  public final TimestampVerifier verifier;

  public TimestampFixture(Path folder, PkiAlgorithm algorithm) throws Exception {
    pki = TestPki.builder(FR).algorithm(algorithm).clock(CLOCK).build();
    pki.writeTo(folder);
    directory = TrustDirectory.load(folder);
    trust = TrustVerifier.builder(directory).clock(CLOCK).build();
    verifier = TimestampVerifier.builder(trust).clock(CLOCK).build();
  }

  /** The code of the failure {@code call} raises; fails the test when it succeeds. */
  public static MlatCryptoException failure(ThrowingCall call) {
    try {
      call.run();
    } catch (MlatCryptoException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  /** A call that may throw the module's checked exception. */
  public interface ThrowingCall {
    void run() throws MlatCryptoException;
  }
}
