package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.cli.CliErrorCode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

  @TempDir
  Path dir;

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
    Path big = dir.resolve("big.json");
    try (var f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(Inputs.MAX_SMALL_FILE_BYTES + 1L);
    }
    assertThatThrownBy(() -> Inputs.read(big, "a document")).isInstanceOfSatisfying(CliFailure.class,
        e -> assertThat(e.errorCode()).isEqualTo(CliErrorCode.IO_FAILED));

    Path exact = dir.resolve("exact.json");
    try (var f = new RandomAccessFile(exact.toFile(), "rw")) {
      f.setLength(Inputs.MAX_SMALL_FILE_BYTES);
    }
    assertThat(Inputs.read(exact, "a document")).hasSize(Inputs.MAX_SMALL_FILE_BYTES);
  }

  @Test
  void aMissingFileOrAFolderIsAnIoFailure() {
    assertThatThrownBy(() -> Inputs.read(dir.resolve("missing"), "a receipt")).isInstanceOfSatisfying(CliFailure.class,
        e -> assertThat(e.errorCode()).isEqualTo(CliErrorCode.FILE_NOT_FOUND));
    assertThatThrownBy(() -> Inputs.read(dir, "a receipt")).isInstanceOfSatisfying(CliFailure.class,
        e -> assertThat(e.errorCode()).isEqualTo(CliErrorCode.IO_FAILED));
  }

  @Test
  void aMessageDocumentIsToldFromARequestDocument() {
    assertThat(Inputs.looksLikeMessage("{\"schemaVersion\":\"1.0\",\"message\":{\"request\":{}}}".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Inputs.looksLikeMessage("{\"schemaVersion\":\"1.0\",\"request\":{\"note\":\"message\"}}".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void aCertificateFileThatIsNotOneIsAUsageError() throws Exception {
    Path notPem = dir.resolve("x.pem");
    Files.writeString(notPem, "hello");
    assertThatThrownBy(() -> Inputs.certificate("--to-cert", notPem)).isInstanceOfSatisfying(CliFailure.class,
        e -> assertThat(e.errorCode()).isEqualTo(CliErrorCode.USAGE_INVALID));
  }
}
