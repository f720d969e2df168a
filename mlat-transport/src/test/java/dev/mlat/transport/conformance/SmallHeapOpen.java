package dev.mlat.transport.conformance;

import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.transport.pkg.PackageRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens one package as a conformance vector's reader and prints one line: {@code REJECTED CODE
 * STAGE}, {@code ACCEPTED}, or {@code CRASH <throwable>}. Run by {@link HostileSizesTest} in a
 * JVM with a 64 MB heap, so that an allocation sized by what a package declares shows as a crash.
 *
 * <p>Arguments: the vector folder (for the reader's key and settings), the package file, a work folder.
 */
public final class SmallHeapOpen {

  private SmallHeapOpen() {}

  public static void main(String[] args) {
    try {
      Path vectorDir = Path.of(args[0]);
      var pki = ConformancePki.load(PackageVectors.root().resolve("pki"));
      var v = PackageVectors.read(vectorDir);
      Path work = Files.createDirectories(Path.of(args[2]));
      PackageVectors.open(pki, vectorDir, v, Path.of(args[1]), work);
      System.out.println("ACCEPTED");
    } catch (PackageRejectedException e) {
      System.out.println("REJECTED " + e.errorCode().code() + " " + e.stage());
    } catch (Throwable t) {
      System.out.println("CRASH " + t);
    }
  }
}
