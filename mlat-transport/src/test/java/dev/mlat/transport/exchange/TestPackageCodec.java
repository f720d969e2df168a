package dev.mlat.transport.exchange;

import dev.mlat.core.ErrorCode;
import dev.mlat.core.MlatException;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.ReceivedAttachment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TEST-ONLY package codec: a plain, unsigned, unencrypted container, so the exchange service, the
 * drop box and the crash test run without the package format (being written in parallel). It has
 * the same observable behaviour as the real pipeline at the port: header binding, the resend rule
 * against the {@link SeenMessageStore}, receipts naming the message id and the package digest and
 * carrying the audit head. It protects nothing; never use it outside tests.
 */
public final class TestPackageCodec implements PackageCodec {
  private static final String PACKAGE_MAGIC = "MLAT-TEST-PACKAGE-1";
  private static final String RECEIPT_MAGIC = "MLAT-TEST-RECEIPT-1";
  private final PartyId self;
  private final Clock clock;
  private final Duration lifetime;
  private final MlatJson json = MlatJson.strict();

  /** The test codec's refusal codes. */
  public enum TestCodecError implements ErrorCode {
    TEST_PACKAGE_MALFORMED, TEST_PACKAGE_NOT_FOR_US, TEST_RESEND_CONFLICT, TEST_HEADER_MISMATCH;

    @Override
    public String code() {
      return name();
    }

    @Override
    public String description() {
      return "test codec: " + name();
    }
  }

  public TestPackageCodec(PartyId self, Clock clock, Duration lifetime) {
    this.self = Objects.requireNonNull(self, "self");
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public SealedPackage seal(LifecycleMessage message, List<AttachmentSource> attachments, PartyId to,
      Path directory) throws MlatException {
    String messageId = message.header().messageId().toString();
    Path file = directory.resolve(messageId + ".mlat");
    long expires = clock.instant().plus(lifetime).toEpochMilli();
    try (OutputStream fileOut = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(fileOut))) {
      out.writeUTF(PACKAGE_MAGIC);
      out.writeUTF(messageId);
      out.writeUTF(self.toString());
      out.writeUTF(to.toString());
      out.writeLong(expires);
      byte[] body = json.writeMessage(message);
      out.writeInt(body.length);
      out.write(body);
      out.writeInt(attachments.size());
      for (AttachmentSource a : attachments) {
        byte[] content;
        try (InputStream in = a.open()) {
          content = in.readAllBytes();
        }
        out.writeUTF(a.id());
        out.writeUTF(a.name());
        out.writeUTF(a.mediaType());
        out.writeLong(content.length);
        out.write(content);
      }
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "test codec: " + e.getMessage(), e);
    }
    return new SealedPackage(file, sha256(file), messageId, java.time.Instant.ofEpochMilli(expires));
  }

  @Override
  public OpenResult open(Path packageFile, Path attachmentsDirectory, SeenMessageStore seen)
      throws MlatTransportException {
    String sha = sha256(packageFile);
    Optional<String> messageId = Optional.empty();
    Optional<PartyId> sender = Optional.empty();
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(packageFile)))) {
      if (!PACKAGE_MAGIC.equals(in.readUTF())) {
        return rejected(messageId, sender, TestCodecError.TEST_PACKAGE_MALFORMED, "not a test package", sha);
      }
      messageId = Optional.of(in.readUTF());
      sender = Optional.of(PartyId.parse(in.readUTF()));
      PartyId to = PartyId.parse(in.readUTF());
      in.readLong();
      if (!to.equals(self)) {
        return rejected(messageId, sender, TestCodecError.TEST_PACKAGE_NOT_FOR_US, "addressed to " + to, sha);
      }
      Optional<SeenMessage> earlier = seen.find(messageId.get());
      if (earlier.isPresent()) {
        return earlier.get().sameBytes(sha) ? new OpenResult.Resend(earlier.get(), sender.get(), sha)
            : rejected(messageId, sender, TestCodecError.TEST_RESEND_CONFLICT, "same id, other bytes", sha);
      }
      int length = in.readInt();
      if (length < 0 || length > (4 << 20)) {
        return rejected(messageId, sender, TestCodecError.TEST_PACKAGE_MALFORMED, "message length " + length, sha);
      }
      LifecycleMessage message = json.readMessage(in.readNBytes(length));
      if (!message.header().messageId().toString().equals(messageId.get())
          || !message.header().sender().equals(sender.get()) || !message.header().recipient().equals(self)) {
        return rejected(messageId, sender, TestCodecError.TEST_HEADER_MISMATCH, "header and message differ", sha);
      }
      int count = in.readInt();
      List<ReceivedAttachment> attachments = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        String name = in.readUTF();
        String mediaType = in.readUTF();
        long size = in.readLong();
        Path target = attachmentsDirectory.resolve("a" + i);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(target)) {
          long left = size;
          byte[] buffer = new byte[8192];
          while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
              throw new EOFException();
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            left -= n;
          }
        }
        attachments.add(new ReceivedAttachment(id, name, mediaType, size, HexFormat.of().formatHex(digest.digest()), target));
      }
      return new OpenResult.Accepted(message, sender.get(), attachments, sha);
    } catch (MlatTransportException e) {
      throw e;
    } catch (MlatException | IOException | RuntimeException | java.security.NoSuchAlgorithmException e) {
      return rejected(messageId, sender, TestCodecError.TEST_PACKAGE_MALFORMED, String.valueOf(e.getMessage()), sha);
    }
  }

  private static OpenResult rejected(Optional<String> id, Optional<PartyId> sender, ErrorCode code, String why,
      String sha) {
    return new OpenResult.Rejected(id, sender, code, Optional.empty(), why, Optional.of(sha));
  }

  @Override
  public byte[] receipt(OpenResult.Accepted accepted, AuditHead head) {
    return receiptBytes(accepted.message().header().messageId().toString(), accepted.headerSha256(), true, "", head);
  }

  @Override
  public byte[] negativeReceipt(String messageId, PartyId to, String packageSha256, ErrorCode code,
      Optional<PipelineStage> stage, AuditHead head) {
    return receiptBytes(messageId, packageSha256, false, code.code(), head);
  }

  private static byte[] receiptBytes(String messageId, String sha, boolean positive, String code, AuditHead head) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(RECEIPT_MAGIC);
      out.writeUTF(messageId);
      out.writeUTF(sha);
      out.writeBoolean(positive);
      out.writeUTF(code);
      out.writeLong(head.sequence());
      out.writeUTF(head.entrySha256());
      byte[] signature = head.signature();
      out.writeInt(signature.length);
      out.write(signature);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public CheckedReceipt checkReceipt(byte[] receipt, OutboxEntry sent) throws MlatTransportException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(receipt))) {
      if (!RECEIPT_MAGIC.equals(in.readUTF())) {
        throw invalid("not a test receipt");
      }
      String messageId = in.readUTF();
      String sha = in.readUTF();
      boolean positive = in.readBoolean();
      String code = in.readUTF();
      long sequence = in.readLong();
      String headSha = in.readUTF();
      int length = in.readInt();
      if (length < 1 || length > 65536) {
        throw invalid("signature length " + length);
      }
      byte[] signature = in.readNBytes(length);
      if (!messageId.equals(sent.messageId())) {
        throw invalid("names message " + messageId + ", not " + sent.messageId());
      }
      if (!sha.equals(sent.packageSha256())) {
        throw invalid("names package " + sha + ", not the one sent (" + sent.packageSha256() + ")");
      }
      return new CheckedReceipt(messageId, positive, positive ? Optional.empty() : Optional.of(code),
          Optional.of(new AuditHead(sequence, headSha, signature)));
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("unreadable: " + e.getMessage());
    }
  }

  private static MlatTransportException invalid(String why) {
    return new MlatTransportException(TransportErrorCode.EXCHANGE_RECEIPT_INVALID, "test receipt " + why);
  }

  static String sha256(Path file) throws MlatTransportException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      new DigestInputStream(in, d).transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot read " + file, e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
