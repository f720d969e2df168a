package dev.mlat.crypto.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's committed {@code conformance/} folder from the module's working directory. */
final class ConformanceFolder {
  private ConformanceFolder() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("conformance/pki/pki.json"))) {
        return d.resolve("conformance");
      }
    }
    throw new IllegalStateException("no conformance/pki/pki.json above " + dir);
  }

  static Path pki() {
    return root().resolve("pki");
  }
}
