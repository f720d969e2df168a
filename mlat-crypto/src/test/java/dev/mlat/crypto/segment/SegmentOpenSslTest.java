package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any one segment opens with OpenSSL 3 and the attachment key alone (the docs/SEGMENTS.md recipe):
 * {@code openssl cms -decrypt -inform DER -secretkey HEX -secretkeyid ID}. Under CI
 * (MLAT_REQUIRE_SERVICES=true) a missing openssl fails the test; locally it skips.
 */
class SegmentOpenSslTest {
  @TempDir
  Path dir;

  @Test
  void opensslDecryptsOneSegmentWithTheAttachmentKey() throws Exception {
    dev.mlat.crypto.cms.OpenSsl.require();
    int size = Segments.SIZE;
    byte[] plaintext = Segments.plaintext(3 * size + 123, 42);
    var sealed = Segments.seal(plaintext, size);
    List<byte[]> segments = sealed.segments();
    for (int i : new int[] {1, 3}) {
      Path segment = dir.resolve("segment-" + i + ".der");
      Files.write(segment, segments.get(i));
      Path out = dir.resolve("segment-" + i + ".bin");
      run("cms", "-decrypt", "-inform", "DER", "-in", segment.toString(), "-secretkey", sealed.key().keyHex(),
          "-secretkeyid", sealed.key().id(), "-out", out.toString());
      int from = i * size;
      assertThat(out).hasBinaryContent(Arrays.copyOfRange(plaintext, from, Math.min(plaintext.length, from + size)));
    }
  }

  @Test
  void segmentsProducedByOpenSslOpenWithAManifestOfTheirTags() throws Exception {
    dev.mlat.crypto.cms.OpenSsl.require();
    int size = Segments.SIZE;
    byte[] plaintext = Segments.plaintext(2 * size + 77, 4242);
    AttachmentKey key = AttachmentKey.generate(Segments.RANDOM);
    var stream = new java.io.ByteArrayOutputStream();
    var tags = new java.io.ByteArrayOutputStream();
    for (int i = 0; i * size < plaintext.length; i++) {
      Path part = dir.resolve("part-" + i);
      Files.write(part, Arrays.copyOfRange(plaintext, i * size, Math.min(plaintext.length, (i + 1) * size)));
      Path segment = dir.resolve("part-" + i + ".der");
      run("cms", "-encrypt", "-binary", "-aes-256-gcm", "-secretkey", key.keyHex(), "-secretkeyid", key.id(), "-aes256-wrap",
          "-outform", "DER", "-in", part.toString(), "-out", segment.toString());
      byte[] der = Files.readAllBytes(segment);
      stream.writeBytes(der);
      tags.write(der, der.length - 16, 16); // the tag is the last 16 bytes of a segment
    }
    var manifest = SegmentManifest.of(key.id(), size, 3, plaintext.length,
        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(plaintext)), tags.toByteArray());
    var sink = new Segments.RecordingSink();
    SegmentedDecryptor.builder().build().open(manifest, key, new java.io.ByteArrayInputStream(stream.toByteArray()), sink);
    assertThat(sink.released()).isEqualTo(plaintext);
  }

  @Test
  void opensslRefusesASegmentWithTheWrongKey() throws Exception {
    dev.mlat.crypto.cms.OpenSsl.require();
    var sealed = Segments.seal(Segments.plaintext(100, 1), Segments.SIZE);
    Path segment = dir.resolve("segment.der");
    Files.write(segment, sealed.segments().get(0));
    var other = AttachmentKey.generate(Segments.RANDOM);
    int exit = exec("cms", "-decrypt", "-inform", "DER", "-in", segment.toString(), "-secretkey", other.keyHex(),
        "-secretkeyid", sealed.key().id(), "-out", dir.resolve("x").toString()).exitCode();
    assertThat(exit).isNotZero();
  }

  private dev.mlat.crypto.cms.OpenSsl.Result exec(String... args) throws IOException, InterruptedException {
    return dev.mlat.crypto.cms.OpenSsl.run(dir, args);
  }

  private void run(String... args) throws IOException, InterruptedException {
    var r = exec(args);
    if (r.exitCode() != 0) {
      fail("openssl " + String.join(" ", args) + " failed (" + r.exitCode() + "):\n" + r.output());
    }
  }
}
