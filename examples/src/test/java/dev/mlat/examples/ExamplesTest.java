package dev.mlat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example program and checks what it printed and returned. */
class ExamplesTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

  private String printed() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sealAndOpen() throws Exception {
    var opened = SealAndOpenExample.run(dir, out);
    assertThat(opened.attachments()).hasSize(1);
    assertThat(printed()).contains("FR sealed Request", "US opened it: signed by FR:FR-MOJ for FR", "FR checked the receipt: accepted by US:US-DOJ");
  }

  @Test
  void gateway() throws Exception {
    var refused = GatewayExample.run(dir, out);
    assertThat(refused.errorCode().code()).startsWith("PACKAGE_");
    assertThat(printed()).contains("from FR:FR-MOJ to DE:DE-BFJ: header signed by FR:FR-MOJ for FR", "refused the changed package");
  }

  @Test
  void relay() throws Exception {
    var opened = RelayExample.run(dir, out);
    assertThat(opened.report().relayed()).isTrue();
    assertThat(printed()).contains("FBI opened it (relayed: true, via US:US-DOJ): signed by FR:FR-MOJ for FR");
  }

  @Test
  void postQuantum() throws Exception {
    var opened = PostQuantumExample.run(dir, out);
    assertThat(opened.report().issuerSigners().get(0).algorithm().postQuantum()).isTrue();
    assertThat(printed()).contains("ML_KEM_768", "MLDSA65_ECDSA_P256_SHA512");
  }

  @Test
  void trustList() throws Exception {
    var list = TrustListExample.run(dir, out);
    assertThat(list.sequenceNumber()).isEqualTo(2);
    assertThat(printed()).contains("trusted for US through the list").containsSubsequence("refused: ", "refused: ");
  }

  /** Under MLAT_REQUIRE_SERVICES=true (CI, test.sh) SoftHSM2 must be there and the example must run. */
  @Test
  void hsm() throws Exception {
    var opened = HsmExample.run(dir, out);
    if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
      assertThat(opened).isPresent();
    }
    if (opened.isPresent()) {
      assertThat(printed()).contains("is on the token (PKCS11)", "US opened it: signed on the HSM by FR:FR-MOJ");
    } else {
      assertThat(printed()).startsWith("skipped: ");
    }
  }

  @Test
  void caseSystem() throws Exception {
    var record = CaseSystemExample.run(dir, out);
    assertThat(record.status()).isEqualTo("answered");
    assertThat(record.evidence()).singleElement().satisfies(f -> assertThat(f).hasContent("customer_id,name\nC-0042,Example Customer"));
    assertThat(printed()).contains("complete at the issued level", "delivered; receipt signed by US:US-DOJ checked (accepts this message)",
        "evidence E1 filed under the case; SHA-256 ", "equals the signed manifest's", "case PARQUET-PARIS-2026-00042: answered");
  }
}
