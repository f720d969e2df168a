package dev.mlat.crypto.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;

/** Reads the contentType OID of a ContentInfo without consuming the stream (mark / reset). */
public final class ContentInfoPeek {
  private ContentInfoPeek() {}

  /** The ContentInfo's contentType, or empty when the start is not {@code SEQUENCE { OID ...}}. */
  public static Optional<String> contentType(BufferedInputStream in) throws IOException {
    in.mark(128);
    byte[] head = in.readNBytes(96);
    in.reset();
    return fromHead(head);
  }

  /** The same for a ContentInfo held in memory (its first 96 bytes are looked at, as for a stream). */
  public static Optional<String> contentType(byte[] message) {
    return fromHead(message.length <= 96 ? message : java.util.Arrays.copyOf(message, 96));
  }

  private static Optional<String> fromHead(byte[] head) {
    if (head.length < 4 || head[0] != 0x30) {
      return Optional.empty();
    }
    int i = 1;
    int first = head[i++] & 0xff;
    if (first > 0x80) {
      i += first & 0x7f;
    }
    if (i + 2 > head.length || head[i] != 0x06) {
      return Optional.empty();
    }
    int len = head[i + 1] & 0xff;
    if (len > 0x7f || i + 2 + len > head.length) {
      return Optional.empty();
    }
    byte[] oid = new byte[2 + len];
    System.arraycopy(head, i, oid, 0, oid.length);
    try {
      return Optional.of(ASN1ObjectIdentifier.getInstance(ASN1Primitive.fromByteArray(oid)).getId());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
