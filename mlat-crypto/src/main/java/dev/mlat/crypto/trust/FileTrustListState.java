package dev.mlat.crypto.trust;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/** {@link TrustListState#file(Path)}: one line {@code mlat-trust-list-state 1 <sequence> <sha256>}. */
final class FileTrustListState implements TrustListState {
  private static final String MAGIC = "mlat-trust-list-state 1 ";
  private static final int MAX_BYTES = 256;
  private final Path file;

  FileTrustListState(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  @Override
  public synchronized Optional<AcceptedTrustList> lastAccepted() throws MlatCryptoException {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw corrupt("larger than " + MAX_BYTES + " bytes", null);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE, "cannot read the trust list state " + file + ": " + e.getMessage(), e);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.startsWith(MAGIC) || !text.endsWith("\n")) {
      throw corrupt("not a trust list state file", null);
    }
    String[] parts = text.substring(MAGIC.length(), text.length() - 1).split(" ", -1);
    if (parts.length != 2 || !parts[0].matches("0|[1-9][0-9]{0,18}")) {
      throw corrupt("expected a sequence number and a SHA-256", null);
    }
    try {
      return Optional.of(new AcceptedTrustList(Long.parseLong(parts[0]), parts[1]));
    } catch (IllegalArgumentException e) {
      throw corrupt(e.getMessage(), e);
    }
  }

  @Override
  public synchronized void accept(AcceptedTrustList accepted) throws MlatCryptoException {
    Objects.requireNonNull(accepted, "accepted");
    byte[] line = (MAGIC + accepted.sequenceNumber() + " " + accepted.contentSha256() + "\n").getBytes(StandardCharsets.US_ASCII);
    Path dir = file.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException | UnsupportedOperationException ignored) {
        // directories cannot be opened for fsync on every platform; the atomic move has happened
      }
    } catch (IOException e) {
      throw new MlatCryptoException(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE, "cannot write the trust list state " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the state file itself was not touched
        }
      }
    }
  }

  private MlatCryptoException corrupt(String why, Throwable cause) {
    return new MlatCryptoException(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE,
        "the trust list state " + file + " is corrupt (" + why + "); restore it from backup, never delete it to get past a rollback", cause);
  }

  @Override
  public String toString() {
    return "TrustListState.file(" + file + ")";
  }
}
