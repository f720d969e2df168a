package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.transport.ledger.LedgerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The exchange ledger of {@code mlat serve}, {@code send} and {@code status}: an SQLite database
 * file ({@code --ledger FILE}, created when missing unless {@link #existing}) with its blob folder
 * ({@code --blobs DIR}, default {@code blobs} beside the database, as {@code mlat ledger verify}
 * assumes) and a working folder {@code FILE.work/} beside it (files while they are sealed or
 * opened, the codec's quarantine, the HTTPS receiver's uploads). One process at a time uses an
 * SQLite ledger: a second one is refused with {@code LEDGER_LOCKED}.
 */
final class LedgerOptions {

  @Option(names = "--ledger", required = true, paramLabel = "FILE",
      description = "The exchange ledger: an SQLite database file (docs/LEDGER.md), created when missing; "
          + "one process at a time uses it.")
  Path database;

  @Option(names = "--blobs", paramLabel = "DIR",
      description = "The ledger's blob folder (packages, messages, attachments, receipts by SHA-256); default 'blobs' beside --ledger.")
  Path blobs;

  /** The settings of the SQLite ledger; its folder is created. */
  LedgerSettings settings() {
    Path db = database.toAbsolutePath();
    try {
      Files.createDirectories(db.getParent());
    } catch (IOException e) {
      throw OutputFiles.ioFailure("--ledger: cannot create the folder of " + database, e);
    }
    if (Files.isDirectory(db)) {
      throw CliFailure.usage("--ledger " + database + " is a folder; name the database file, for example " + database + "/ledger.db");
    }
    return LedgerSettings.sqlite(db, blobs != null ? blobs.toAbsolutePath() : db.resolveSibling("blobs"));
  }

  /** Refuses a ledger that does not exist (commands that only read it, or go on with what it holds). */
  void existing() {
    if (!Files.isRegularFile(database)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--ledger: " + database + ": no such ledger file");
    }
  }

  /** {@code FILE.work/NAME}, created. */
  Path work(String name) {
    Path db = database.toAbsolutePath();
    Path folder = db.resolveSibling(db.getFileName() + ".work").resolve(name);
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot create the ledger's working folder " + folder, e);
    }
  }
}
