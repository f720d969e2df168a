package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageFilesTest {

  @Test
  void aPrivateFileIsNewHoldsTheBytesAndIsTheOwnersOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("message.json");
    PackageFiles.writePrivate(file, new byte[] {1, 2, 3});
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void anExistingFileIsNeitherOverwrittenNorOpened(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("message.p7s");
    Files.write(file, new byte[] {9});
    assertThatThrownBy(() -> PackageFiles.writePrivate(file, new byte[] {1})).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(file)).containsExactly(9);
    Path link = dir.resolve("link");
    Files.createSymbolicLink(link, dir.resolve("elsewhere"));
    assertThatThrownBy(() -> PackageFiles.newPrivateFile(link)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.exists(dir.resolve("elsewhere"))).isFalse();
  }

  @Test
  void eachSha256DigestIsNewAndIndependent() throws Exception {
    var a = PackageFiles.sha256();
    var b = PackageFiles.sha256();
    assertThat(a).isNotSameAs(b);
    a.update("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(java.util.HexFormat.of().formatHex(b.digest())).as("b did not see a's bytes")
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(java.util.HexFormat.of().formatHex(a.digest()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(PackageFiles.sha256Hex("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(PackageFiles.sha256().getAlgorithm()).isEqualTo("SHA-256");
  }
}
