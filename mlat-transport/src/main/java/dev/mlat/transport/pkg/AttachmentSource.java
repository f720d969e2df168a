package dev.mlat.transport.pkg;

import dev.mlat.transport.pkg.internal.MessageDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An attachment to seal: its id (the id the lifecycle message refers to, for example a request's
 * {@code attachmentId} or a response's evidence {@code itemId}), its file name and media type, and
 * where its bytes come from. The bytes are streamed once while sealing; their size and SHA-256 are
 * computed then.
 *
 * <pre>{@code
 * AttachmentSource.ofFile("A1", Path.of("order.pdf"), "application/pdf");
 * AttachmentSource.ofStream("E1", "export.zip", "application/zip", () -> Files.newInputStream(export));
 * }</pre>
 *
 * <p>Immutable.
 */
public final class AttachmentSource {

  /** Opens the attachment's bytes; called once per sealing. */
  @FunctionalInterface
  public interface StreamSupplier {
    /** A new stream of the attachment's bytes (closed by the sealer). */
    InputStream open() throws IOException;
  }

  private final String id;
  private final String name;
  private final String mediaType;
  private final StreamSupplier supplier;

  private AttachmentSource(String id, String name, String mediaType, StreamSupplier supplier) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.supplier = Objects.requireNonNull(supplier, "supplier");
    if (!MessageDocument.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("attachment id '" + id + "' must match " + MessageDocument.ID.pattern());
    }
    if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("attachment name must be 1 to 255 characters without control characters");
    }
    if (!MessageDocument.validMediaType(mediaType)) {
      throw new IllegalArgumentException("media type '" + mediaType + "' must be type/subtype in lower case, without parameters");
    }
  }

  /** An attachment read from {@code file}; its name is the file's name. */
  public static AttachmentSource ofFile(String id, Path file, String mediaType) {
    Objects.requireNonNull(file, "file");
    return new AttachmentSource(id, file.getFileName().toString(), mediaType, () -> Files.newInputStream(file));
  }

  /** An attachment read from the streams {@code supplier} opens. */
  public static AttachmentSource ofStream(String id, String name, String mediaType, StreamSupplier supplier) {
    return new AttachmentSource(id, name, mediaType, supplier);
  }

  /** The id the lifecycle message refers to. */
  public String id() {
    return id;
  }

  /** The file name (travels encrypted, in the signed manifest). */
  public String name() {
    return name;
  }

  /** The media type. */
  public String mediaType() {
    return mediaType;
  }

  /** Opens the bytes. */
  public InputStream open() throws IOException {
    return supplier.open();
  }

  @Override
  public String toString() {
    return "AttachmentSource[" + id + ", " + mediaType + "]";
  }
}
