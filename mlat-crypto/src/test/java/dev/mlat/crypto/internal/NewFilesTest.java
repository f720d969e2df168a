package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewFilesTest {
  @TempDir
  Path dir;

  @Test
  void createsTheFileAndWritesIt() throws IOException {
    Path file = dir.resolve("a.part");
    try (OutputStream out = NewFiles.create(file)) {
      out.write("evidence".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo("evidence");
  }

  @Test
  void anExistingFileIsNeitherOpenedNorTruncated() throws IOException {
    Path file = dir.resolve("b.part");
    Files.writeString(file, "kept", StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> NewFiles.create(file)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo("kept");
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws IOException {
    NewFiles.Created created = NewFiles.createIn(dir, ".q-", ".part");
    created.out().close();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created.path()))).isEqualTo("rw-------");
  }

  @Test
  void createInGivesEachCallItsOwnFileWithThePrefixAndSuffix() throws IOException {
    Set<Path> paths = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      NewFiles.Created created = NewFiles.createIn(dir, ".mlat-quarantine-", ".part");
      created.out().close();
      assertThat(created.path().getParent()).isEqualTo(dir);
      assertThat(created.path().getFileName().toString()).startsWith(".mlat-quarantine-").endsWith(".part");
      paths.add(created.path());
    }
    assertThat(paths).hasSize(50);
    try (var listing = Files.list(dir)) {
      assertThat(listing.count()).isEqualTo(50);
    }
  }

  @Test
  void aMissingFolderIsAnIoFailure() {
    assertThatThrownBy(() -> NewFiles.createIn(dir.resolve("missing"), ".q-", ".part")).isInstanceOf(IOException.class);
  }
}
