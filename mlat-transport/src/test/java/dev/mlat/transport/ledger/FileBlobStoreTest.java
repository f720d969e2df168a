package dev.mlat.transport.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
  @TempDir Path dir;

  @Test
  void blobsAreNamedByTheirDigestStoredOnceAndVerified() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    byte[] bytes = "evidence".getBytes(StandardCharsets.UTF_8);
    String sha = blobs.put(bytes);
    assertThat(sha).isEqualTo(LedgerTest.sha("evidence"));
    Path file = dir.resolve("f");
    Files.write(file, bytes);
    assertThat(blobs.put(file)).isEqualTo(sha);
    assertThat(blobs.contains(sha)).isTrue();
    assertThat(Files.readAllBytes(blobs.verifiedFile(sha))).isEqualTo(bytes);
    try (var in = blobs.open(sha)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(Files.list(dir.resolve("blobs").resolve("tmp"))).isEmpty();
  }

  @Test
  void aChangedBlobIsCorruptAndAnErasedOneMissing() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    String sha = blobs.put(new byte[] {1, 2, 3});
    Files.write(blobs.verifiedFile(sha), new byte[] {1, 2, 4});
    assertThatThrownBy(() -> blobs.verifiedFile(sha)).isInstanceOfSatisfying(MlatTransportException.class,
        e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.BLOB_CORRUPT));
    blobs.erase(sha);
    blobs.erase(sha);
    assertThat(blobs.contains(sha)).isFalse();
    assertThatThrownBy(() -> blobs.open(sha)).isInstanceOfSatisfying(MlatTransportException.class,
        e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.BLOB_MISSING));
    assertThatThrownBy(() -> blobs.open("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }
}
