package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writing outputs: never over an existing file unless {@code --force}, files replaced atomically. */
final class OutputFiles {

  private OutputFiles() {}

  /** Fails with {@code OUTPUT_EXISTS} when {@code path} exists and {@code force} is false. */
  static void refuseExisting(Path path, boolean force) {
    if (!force && Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new CliFailure(CliErrorCode.OUTPUT_EXISTS, ExitCode.IO,
          path + " exists already; choose another path or pass --force to replace it");
    }
  }

  /**
   * Writes {@code bytes} to {@code file} through a temporary file in the same folder and an atomic
   * rename, creating missing parent folders. Without {@code force} an existing file is an error,
   * also when it appears while writing.
   */
  static void write(Path file, byte[] bytes, boolean force) {
    refuseExisting(file, force);
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
      // WRITE only: the empty file just created is not truncated again (on ext4 a truncated file
      // starts its writeback when closed; docs/PERFORMANCE.md, session 5)
      Files.write(temporary, bytes, java.nio.file.StandardOpenOption.WRITE);
      move(temporary, file, force);
    } catch (FileAlreadyExistsException e) {
      throw new CliFailure(CliErrorCode.OUTPUT_EXISTS, ExitCode.IO,
          file + " exists already; choose another path or pass --force to replace it", e);
    } catch (IOException e) {
      throw ioFailure("cannot write " + file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // best effort: the temporary file starts with '.' and ends with .tmp
        }
      }
    }
  }

  private static void move(Path from, Path to, boolean force) throws IOException {
    try {
      if (force) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        // ATOMIC_MOVE may replace silently on some systems: link, then remove, never overwrites.
        Files.createLink(to, from);
      }
    } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
      if (force) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to);
      }
    }
  }

  /** Deletes {@code folder} and everything below it, if it exists. */
  static void deleteTree(Path folder) {
    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw ioFailure("cannot remove " + folder, e);
    }
  }

  /** Writes a file at the path it is given (which does not exist yet). */
  @FunctionalInterface
  interface FileWriter<T> {
    T writeTo(Path file) throws Exception;
  }

  /**
   * Lets {@code writer} write a new file beside {@code target}, then moves it into place: an
   * existing target is replaced only with {@code force}, and only once the new file is complete; on
   * any failure the partial file is removed and the target is left as it was.
   */
  static <T> T writeThenMove(Path target, boolean force, FileWriter<T> writer) throws Exception {
    refuseExisting(target, force);
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = folder.resolve("." + target.getFileName() + ".writing-" + java.util.UUID.randomUUID());
    try {
      T result = writer.writeTo(temporary);
      try {
        if (force) {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
          try {
            Files.createLink(target, temporary);   // never replaces, unlike a rename on some systems
          } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temporary, target);
          }
        }
      } catch (FileAlreadyExistsException e) {
        throw new CliFailure(CliErrorCode.OUTPUT_EXISTS, ExitCode.IO,
            target + " exists already; choose another path or pass --force to replace it", e);
      }
      return result;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Copies the folder {@code from} to {@code to} (created), files and sub-folders; existing files are an error. */
  static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path f : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    } catch (IOException e) {
      throw ioFailure("cannot copy " + from + " to " + to, e);
    }
  }

  /** An I/O failure as the user sees it: {@code FILE_NOT_FOUND} or {@code IO_FAILED}, exit 4. */
  static CliFailure ioFailure(String what, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, what + ": no such file or folder", e);
    }
    return new CliFailure(CliErrorCode.IO_FAILED, ExitCode.IO, what + ": " + describe(e), e);
  }

  private static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    return e.getMessage() == null ? type : type + " " + e.getMessage();
  }
}
