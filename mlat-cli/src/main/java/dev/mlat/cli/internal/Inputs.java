package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reading the small input files of the commands (documents, receipts, certificates), with a size bound. */
final class Inputs {

  /** The largest document or receipt file read into memory (the strict JSON reader and receipt reader have lower limits of their own). */
  static final int MAX_SMALL_FILE_BYTES = 32 << 20;

  private Inputs() {}

  /** The bytes of a small file; a missing file is FILE_NOT_FOUND, a larger one IO_FAILED. */
  static byte[] read(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new CliFailure(CliErrorCode.IO_FAILED, ExitCode.IO, file + " is a folder, not " + what);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_SMALL_FILE_BYTES + 1);
      if (bytes.length > MAX_SMALL_FILE_BYTES) {
        throw new CliFailure(CliErrorCode.IO_FAILED, ExitCode.IO, file + " is larger than " + (MAX_SMALL_FILE_BYTES >> 20)
            + " MiB; is it " + what + "?");
      }
      return bytes;
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read " + file, e);
    }
  }

  /** Whether a JSON document's first property is {@code "message"} after {@code "schemaVersion"} (a lifecycle message document). */
  static boolean looksLikeMessage(byte[] document) {
    String text = new String(document, 0, Math.min(document.length, 4096), StandardCharsets.UTF_8);
    int message = text.indexOf("\"message\"");
    int request = text.indexOf("\"request\"");
    return message >= 0 && (request < 0 || message < request);
  }

  /** The first certificate of a PEM (or DER) file. */
  static X509Certificate certificate(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, option + ": " + file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw CliFailure.usage(option + ": " + file + " holds no certificate");
      }
      return (X509Certificate) certificates.iterator().next();
    } catch (CertificateException e) {
      throw new CliFailure(CliErrorCode.USAGE_INVALID, ExitCode.USAGE, option + ": " + file + " is not a PEM or DER certificate: "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read " + file, e);
    }
  }
}
