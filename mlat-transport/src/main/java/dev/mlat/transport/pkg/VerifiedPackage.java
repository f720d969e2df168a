package dev.mlat.transport.pkg;

import dev.mlat.core.model.message.LifecycleMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package that passed all six stages of the opening pipeline, and nothing else: only
 * {@link PackageOpener} creates one. Its files are in {@link #folder()} ({@code message.json}, the
 * signed payload; {@code message.p7s}, the issuing authority's SignedData kept as evidence;
 * {@code attachments/<id>}), all owner-only; a package opened by
 * {@link PackageOpener#openInMemory} has only its attachments there, and no folder at all when it
 * has none ({@link #files()}).
 */
public final class VerifiedPackage implements OpenResult {
  private final PackageHeader header;
  private final LifecycleMessage message;
  private final List<ReceivedAttachment> attachments;
  private final VerificationReport report;
  private final String headerSha256;
  private final long packageSize;
  private final byte[] signedMessage;
  private final byte[] payload;
  private final Path folder; // null: opened in memory, no attachments

  VerifiedPackage(PackageHeader header, LifecycleMessage message, List<ReceivedAttachment> attachments, VerificationReport report,
      String headerSha256, long packageSize, byte[] signedMessage, byte[] payload, Path folder) {
    this.header = Objects.requireNonNull(header, "header");
    this.message = Objects.requireNonNull(message, "message");
    this.attachments = List.copyOf(attachments);
    this.report = Objects.requireNonNull(report, "report");
    this.headerSha256 = Objects.requireNonNull(headerSha256, "headerSha256");
    this.packageSize = packageSize;
    this.signedMessage = signedMessage.clone();
    this.payload = payload.clone();
    this.folder = folder;
  }

  /** The verified header. */
  public PackageHeader header() {
    return header;
  }

  /** The lifecycle message. */
  public LifecycleMessage message() {
    return message;
  }

  /** The attachments, in manifest order. */
  public List<ReceivedAttachment> attachments() {
    return attachments;
  }

  /** What was verified. */
  public VerificationReport report() {
    return report;
  }

  /** Lower-case hex SHA-256 of the package bytes as received (a positive receipt names it). */
  public String headerSha256() {
    return headerSha256;
  }

  /** The package's size in bytes. */
  public long packageSize() {
    return packageSize;
  }

  /**
   * The issuing authority's SignedData (a copy; also in {@code message.p7s}): verifies again without
   * the recipient's key, and is what a relay forwards.
   */
  public byte[] signedMessage() {
    return signedMessage.clone();
  }

  /**
   * message.json as signed (a copy; also in {@code message.json} of {@link #folder()} when it was
   * written): the bytes the issuing authority's signature covers.
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The folder holding the message and its attachments ({@link PackageOpener#open}), or only the
   * attachments ({@link PackageOpener#openInMemory}).
   *
   * @throws IllegalStateException for a package without attachments opened in memory, which has no
   *     folder (see {@link #files()})
   */
  public Path folder() {
    if (folder == null) {
      throw new IllegalStateException("message " + header.messageId() + " was opened in memory and has no attachments: no folder");
    }
    return folder;
  }

  /** {@link #folder()}, or empty for a package without attachments opened in memory. */
  public Optional<Path> files() {
    return Optional.ofNullable(folder);
  }

  @Override
  public String toString() {
    return "VerifiedPackage[" + header.messageId() + ", " + header.messageType().wireName() + ", " + attachments.size()
        + " attachments, sha256=" + headerSha256 + "]";
  }
}
