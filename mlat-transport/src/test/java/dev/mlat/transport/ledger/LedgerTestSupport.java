package dev.mlat.transport.ledger;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support for the ledger: the node's audit-head key (a French test PKI) and ledgers on SQLite
 * or on PostgreSQL (a fresh schema per ledger). PostgreSQL comes from test.sh
 * ({@code MLAT_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}); when it is missing a test skips,
 * except under {@code MLAT_REQUIRE_SERVICES=true} where it fails.
 */
public final class LedgerTestSupport {
  public static final Jurisdiction FR = Jurisdiction.of("FR");
  public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static Keys keys;

  private LedgerTestSupport() {}

  /** The databases the behaviour tests run on. */
  public enum Kind { SQLITE, POSTGRESQL }

  /** The audit-head signer and its verifier. */
  public record Keys(AuditHeadSigner signer, AuditHeadVerifier verifier, AuditHeadVerifier otherVerifier) {}

  /** The node's signing key and a verifier that trusts it (built once). */
  public static synchronized Keys keys() {
    if (keys == null) {
      try {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        TestPki fr = TestPki.builder(FR).authority("FR-MOJ").clock(clock).build();
        TestPki other = TestPki.builder(FR).authority("FR-MOJ").clock(clock).build();
        Path folder = Files.createTempDirectory("ledger-trust");
        fr.writeTo(folder);
        Path otherFolder = Files.createTempDirectory("ledger-trust-other");
        other.writeTo(otherFolder);
        var credential = fr.authority("FR-MOJ").signing();
        KeyIdentity identity = KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain());
        CmsSigner cms = CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), Clock.systemUTC())
            .signer(FR, identity, SignatureAlgorithm.ECDSA_SHA256).build();
        AuditHeadSigner signer = new CmsAuditHeadSigner(cms, credential.certificate().getSubjectX500Principal().getName());
        AuditHeadVerifier verifier = verifier(folder);
        keys = new Keys(signer, verifier, verifier(otherFolder));
      } catch (Exception e) {
        throw new IllegalStateException("test keys", e);
      }
    }
    return keys;
  }

  private static AuditHeadVerifier verifier(Path folder) throws Exception {
    Clock clock = Clock.fixed(START.plusSeconds(60), ZoneOffset.UTC);
    TrustVerifier trust = TrustVerifier.builder(TrustDirectory.load(folder)).clock(clock).build();
    return new CmsAuditHeadVerifier(
        new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), clock, CmsLimits.defaults()), FR);
  }

  /** Settings for a new, empty ledger of {@code kind}. */
  public static LedgerSettings settings(Kind kind, Path dir) throws SQLException {
    if (kind == Kind.SQLITE) {
      return LedgerSettings.sqlite(dir.resolve("ledger.db"), dir.resolve("blobs"));
    }
    Pg pg = postgres();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(pg.url(), pg.properties()); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return LedgerSettings.postgresql(url, pg.user(), pg.password(), dir.resolve("blobs"));
  }

  /** PostgreSQL connection settings from test.sh. */
  public record Pg(String url, String user, String password) {
    public Properties properties() {
      Properties p = new Properties();
      p.setProperty("user", user);
      p.setProperty("password", password);
      return p;
    }
  }

  /** The PostgreSQL test database, or a skip (a failure under MLAT_REQUIRE_SERVICES=true). */
  public static Pg postgres() {
    String url = setting("mlat.test.pg.url", "MLAT_TEST_PG_URL");
    String user = setting("mlat.test.pg.user", "MLAT_TEST_PG_USER");
    String password = setting("mlat.test.pg.password", "MLAT_TEST_PG_PASSWORD");
    if (url == null || user == null || password == null) {
      if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
        throw new AssertionError("PostgreSQL is required (MLAT_REQUIRE_SERVICES=true) but MLAT_TEST_PG_URL, "
            + "MLAT_TEST_PG_USER and MLAT_TEST_PG_PASSWORD are not all set: run ./test.sh");
      }
      Assumptions.abort("no PostgreSQL for the ledger tests (run ./test.sh, or set MLAT_TEST_PG_URL/USER/PASSWORD)");
    }
    return new Pg(url, user, password);
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank() || v.startsWith("${")) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v;
  }

  /** Opens a ledger with the test keys. */
  public static Ledger open(LedgerSettings settings, Clock clock) throws Exception {
    return Ledger.open(settings, clock, keys().signer());
  }

  /** A plain JDBC connection to the ledger's database (for tampering), auto-commit on. */
  public static Connection connect(LedgerSettings settings) throws SQLException {
    Properties p = new Properties();
    settings.user().ifPresent(u -> p.setProperty("user", u));
    settings.password().ifPresent(pw -> p.setProperty("password", pw));
    return DriverManager.getConnection(settings.jdbcUrl(), p);
  }
}
