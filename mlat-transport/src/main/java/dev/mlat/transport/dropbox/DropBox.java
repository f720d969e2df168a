package dev.mlat.transport.dropbox;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.exchange.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The directory channel: a pair of directories per partner, for air-gapped links or a shared
 * folder. We write into the partner's {@code outgoing} directory and read from its
 * {@code incoming} one (the partner's node has them the other way round):
 *
 * <pre>
 * outgoing/&lt;message id&gt;.mlat      a package we send
 * outgoing/&lt;message id&gt;.receipt   our receipt for a package we received
 * incoming/&lt;message id&gt;.mlat      a package for us
 * incoming/&lt;message id&gt;.receipt   the partner's receipt for a package we sent
 * incoming/rejected/                 files set aside (bad name, too large)
 * .&lt;name&gt;.&lt;random&gt;.tmp             being written; never read
 * </pre>
 *
 * Every file is written under a temporary name starting with a dot, forced to disk, renamed
 * atomically to its final name, and the directory is forced: a reader never sees half a file and
 * a crash leaves either nothing or the whole file. Writing the same package again (a resend)
 * replaces it with the same bytes; the receiver answers a resend with its stored receipt.
 *
 * <pre>{@code
 * DropBox box = DropBox.builder()
 *     .partner(PartyId.parse("DE:DE-BFJ"), Path.of("/exchange/de/out"), Path.of("/exchange/de/in"))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class DropBox implements Channel {
  private static final System.Logger LOG = System.getLogger(DropBox.class.getName());
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]{0,127})\\.(mlat|receipt)");

  private record Pair(Path outgoing, Path incoming) {}

  private final Map<PartyId, Pair> partners;
  private final DropBoxLimits limits;

  private DropBox(Map<PartyId, Pair> partners, DropBoxLimits limits) {
    this.partners = Map.copyOf(partners);
    this.limits = limits;
  }

  /** A builder with no partner and the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Handover sendPackage(PartyId partner, String messageId, Path packageFile, String packageSha256)
      throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    Objects.requireNonNull(packageSha256, "packageSha256");
    Path dir = pair(partner).outgoing();
    try (InputStream in = Files.newInputStream(packageFile)) {
      write(dir, fileName(messageId, Kind.PACKAGE), in);
      return new Handed();
    } catch (NoSuchFileException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "the package file " + packageFile + " is gone", e);
    } catch (IOException e) {
      throw unavailable(dir, e);
    }
  }

  @Override
  public void sendReceipt(PartyId partner, String messageId, byte[] receipt) throws MlatTransportException {
    Objects.requireNonNull(receipt, "receipt");
    Path dir = pair(partner).outgoing();
    try {
      write(dir, fileName(messageId, Kind.RECEIPT), new java.io.ByteArrayInputStream(receipt));
    } catch (IOException e) {
      throw unavailable(dir, e);
    }
  }

  @Override
  public List<Incoming> incoming(int max) throws MlatTransportException {
    List<Incoming> found = new ArrayList<>();
    for (Map.Entry<PartyId, Pair> p : partners.entrySet()) {
      Path dir = p.getValue().incoming();
      int listed = 0;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path file : files) {
          if (found.size() >= max || listed >= limits.maxFilesPerPoll()) {
            break;
          }
          String name = file.getFileName().toString();
          if (name.startsWith(".") || Files.isDirectory(file)) {
            continue; // being written, or rejected/
          }
          listed++;
          var m = NAME.matcher(name);
          if (!m.matches()) {
            setAside(file, TransportErrorCode.DROPBOX_NAME_INVALID + ": not <message id>.mlat or .receipt");
            continue;
          }
          Kind kind = m.group(2).equals("mlat") ? Kind.PACKAGE : Kind.RECEIPT;
          long size;
          try {
            size = Files.size(file);
          } catch (NoSuchFileException e) {
            continue;
          }
          long limit = kind == Kind.PACKAGE ? limits.maxPackageBytes() : limits.maxReceiptBytes();
          if (size > limit) {
            setAside(file, TransportErrorCode.DROPBOX_FILE_TOO_LARGE + ": " + size + " bytes, limit " + limit);
            continue;
          }
          found.add(new Incoming(p.getKey(), kind, m.group(1), file));
        }
      } catch (IOException e) {
        throw unavailable(dir, e);
      }
    }
    return found;
  }

  @Override
  public void done(Incoming incoming) throws MlatTransportException {
    Path dir = incoming.file().getParent();
    try {
      if (Files.deleteIfExists(incoming.file())) {
        force(dir);
      }
    } catch (IOException e) {
      throw unavailable(dir, e);
    }
  }

  @Override
  public void reject(Incoming incoming, String reason) throws MlatTransportException {
    try {
      setAside(incoming.file(), reason);
    } catch (IOException e) {
      throw unavailable(incoming.file().getParent(), e);
    }
  }

  private void setAside(Path file, String reason) throws IOException {
    Path rejected = file.getParent().resolve("rejected");
    Files.createDirectories(rejected);
    try {
      Files.move(file, rejected.resolve(file.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8)),
          StandardCopyOption.ATOMIC_MOVE);
      force(file.getParent());
      LOG.log(System.Logger.Level.WARNING, "drop box: set aside {0}: {1}", file, reason);
    } catch (NoSuchFileException e) {
      // someone else took it
    }
  }

  private static String fileName(String messageId, Kind kind) {
    String name = messageId + (kind == Kind.PACKAGE ? ".mlat" : ".receipt");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a message id in a drop box is 1 to 128 characters of A-Z a-z 0-9 _ -, "
          + "starting with a letter or digit; got '" + messageId + "'");
    }
    return name;
  }

  private Pair pair(PartyId partner) {
    Pair pair = partners.get(Objects.requireNonNull(partner, "partner"));
    if (pair == null) {
      throw new IllegalArgumentException("no drop box for partner " + partner + "; known: " + partners.keySet());
    }
    return pair;
  }

  /** Temporary name, write, fsync, atomic rename, fsync of the directory. */
  private static void write(Path dir, String name, InputStream content) throws IOException {
    Path temporary = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(ch)) {
        content.transferTo(out);
        ch.force(true);
      }
      try {
        Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the drop box directory does not support atomic rename", e);
      }
      force(dir);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void force(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  private static MlatTransportException unavailable(Path dir, IOException e) {
    return new MlatTransportException(TransportErrorCode.DROPBOX_UNAVAILABLE,
        "the drop box directory " + dir + " cannot be used: " + e.getMessage(), e);
  }

  /** Configures a {@link DropBox}. Not thread-safe. */
  public static final class Builder {
    private final Map<PartyId, Pair> partners = new LinkedHashMap<>();
    private DropBoxLimits limits = DropBoxLimits.DEFAULTS;

    private Builder() {}

    /**
     * Adds a partner's directory pair. Both must exist and be writable.
     *
     * @throws MlatTransportException {@code DROPBOX_UNAVAILABLE} when they are not
     * @throws IllegalArgumentException when the partner was added before, or both are one directory
     */
    public Builder partner(PartyId partner, Path outgoing, Path incoming) throws MlatTransportException {
      Objects.requireNonNull(partner, "partner");
      Path out = Objects.requireNonNull(outgoing, "outgoing").toAbsolutePath().normalize();
      Path in = Objects.requireNonNull(incoming, "incoming").toAbsolutePath().normalize();
      if (out.equals(in)) {
        throw new IllegalArgumentException("outgoing and incoming must be two directories, got " + out + " twice");
      }
      if (partners.containsKey(partner)) {
        throw new IllegalArgumentException("partner " + partner + " was added already");
      }
      for (Path d : List.of(out, in)) {
        if (!Files.isDirectory(d) || !Files.isWritable(d)) {
          throw new MlatTransportException(TransportErrorCode.DROPBOX_UNAVAILABLE,
              "the drop box directory " + d + " for " + partner + " does not exist or is not writable");
        }
      }
      partners.put(partner, new Pair(out, in));
      return this;
    }

    /** Other limits. */
    public Builder limits(DropBoxLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The drop box.
     *
     * @throws IllegalStateException without a partner
     */
    public DropBox build() {
      if (partners.isEmpty()) {
        throw new IllegalStateException("add at least one partner");
      }
      return new DropBox(partners, limits);
    }
  }
}
