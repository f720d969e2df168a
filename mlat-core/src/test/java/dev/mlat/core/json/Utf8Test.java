package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Utf8} accepts exactly what the JDK's UTF-8 decoder decodes with {@code REPORT} (the check
 * the strict readers used before): named cases of RFC 3629 / Unicode table 3-7, every sequence of
 * one and two bytes, every three-byte sequence after the lead bytes that matter, the four-byte
 * boundaries, and random byte strings near UTF-8.
 */
class Utf8Test {

  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer out = CharBuffer.allocate(4096);

  /** The reference: the JDK's decoder, as StructureScanner.decode and StrictJson used it. */
  private boolean decodes(byte[] bytes, int from, int to) {
    decoder.reset();
    out.clear();
    CharBuffer target = to - from <= out.capacity() ? out : CharBuffer.allocate(to - from);
    var in = ByteBuffer.wrap(bytes, from, to - from);
    return !decoder.decode(in, target, true).isError() && !decoder.flush(target).isError();
  }

  private void assertAgrees(byte[] bytes) {
    assertThat(Utf8.isWellFormed(bytes)).as(HexFormat.ofDelimiter(" ").formatHex(bytes)).isEqualTo(decodes(bytes, 0, bytes.length));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "'', true",
      "41 42 43, true",
      "7f, true",
      "c3 a9, true",                 // é
      "c2 80, true",                 // U+0080, smallest two-byte
      "df bf, true",                 // U+07FF
      "e0 a0 80, true",              // U+0800, smallest three-byte
      "ef bf bd, true",              // U+FFFD
      "ef bf be, true",              // U+FFFE, a noncharacter but well-formed
      "ef bf bf, true",              // U+FFFF, likewise
      "ed 9f bf, true",              // U+D7FF, just below the surrogates
      "ee 80 80, true",              // U+E000, just above them
      "f0 90 80 80, true",           // U+10000, smallest four-byte
      "f0 9f 98 80, true",           // U+1F600
      "f4 8f bf bf, true",           // U+10FFFF, the last code point
      "80, false",                   // stray continuation byte
      "bf, false",
      "c0 80, false",                // overlong NUL
      "c1 bf, false",                // overlong U+007F
      "e0 80 80, false",             // overlong three-byte
      "e0 9f bf, false",             // overlong U+07FF
      "f0 80 80 80, false",          // overlong four-byte
      "f0 8f bf bf, false",          // overlong U+FFFF
      "ed a0 80, false",             // U+D800 encoded: a surrogate
      "ed bf bf, false",             // U+DFFF encoded
      "ed a0 bd ed b8 80, false",    // CESU-8 pair for U+1F600
      "f4 90 80 80, false",          // U+110000, above Unicode
      "f5 80 80 80, false",          // lead bytes F5..FF start nothing
      "ff, false",
      "fe, false",
      "c3, false",                   // cut short at the end
      "e2 82, false",
      "f0 9f 98, false",
      "c3 41, false",                // continuation missing
      "e2 41 ac, false",
      "e2 82 41, false",
      "f0 9f 41 80, false",
      "f0 9f 98 41, false",
      "ef bb bf 7b 7d, true",        // a byte-order mark is UTF-8 (JSON refuses it elsewhere)
  })
  void namedCases(String hex, boolean wellFormed) {
    byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);
    assertThat(Utf8.isWellFormed(bytes)).isEqualTo(wellFormed);
    assertAgrees(bytes);
  }

  @Test
  void everySequenceOfOneAndTwoBytes() {
    for (int a = 0; a < 256; a++) {
      assertAgrees(new byte[] {(byte) a});
      for (int b = 0; b < 256; b++) {
        assertAgrees(new byte[] {(byte) a, (byte) b});
      }
    }
  }

  @Test
  void everyThreeByteSequenceAfterTheLeadBytesThatMatter() {
    int[] leads = {0x41, 0x7f, 0x80, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
    byte[] bytes = new byte[3];
    for (int lead : leads) {
      bytes[0] = (byte) lead;
      for (int b = 0; b < 256; b++) {
        bytes[1] = (byte) b;
        for (int c = 0; c < 256; c++) {
          bytes[2] = (byte) c;
          if (Utf8.isWellFormed(bytes) != decodes(bytes, 0, 3)) {
            assertAgrees(bytes); // fails with the bytes in the message
          }
        }
      }
    }
  }

  @Test
  void fourByteSequencesAtEveryBoundary() {
    int[] tails = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xf4, 0xff};
    byte[] bytes = new byte[4];
    for (int lead = 0xe0; lead <= 0xff; lead++) {
      bytes[0] = (byte) lead;
      for (int b = 0; b < 256; b++) {
        bytes[1] = (byte) b;
        for (int c : tails) {
          bytes[2] = (byte) c;
          for (int d : tails) {
            bytes[3] = (byte) d;
            if (Utf8.isWellFormed(bytes) != decodes(bytes, 0, 4)) {
              assertAgrees(bytes);
            }
          }
        }
      }
    }
  }

  @Test
  void aNonAsciiByteIsFoundAtEveryPositionOfTheEightByteSteps() {
    for (int length = 1; length <= 40; length++) {
      for (int at = 0; at < length; at++) {
        byte[] bytes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN".substring(0, length).getBytes(StandardCharsets.US_ASCII);
        bytes[at] = (byte) 0x80;
        assertThat(Utf8.isWellFormed(bytes)).as("length %d, stray byte at %d", length, at).isFalse();
        bytes[at] = (byte) 0xc3; // a lead byte: well-formed only with a continuation after it
        assertAgrees(bytes);
      }
    }
  }

  @Test
  void aRangeIsCheckedOnItsOwn() {
    byte[] bytes = "x\u00e9y".getBytes(StandardCharsets.UTF_8); // 78 c3 a9 79
    assertThat(Utf8.isWellFormed(bytes, 0, 4)).isTrue();
    assertThat(Utf8.isWellFormed(bytes, 0, 2)).as("cut inside the é").isFalse();
    assertThat(Utf8.isWellFormed(bytes, 2, 4)).as("starts on its continuation byte").isFalse();
    assertThat(Utf8.isWellFormed(bytes, 1, 3)).isTrue();
    assertThat(Utf8.isWellFormed(bytes, 4, 4)).isTrue();
    assertThatThrownBy(() -> Utf8.isWellFormed(bytes, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Utf8.isWellFormed(bytes, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Provide
  Arbitrary<byte[]> nearlyUtf8() {
    Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(60).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    return Combinators.combine(text, noise, Arbitraries.integers().between(0, 1000))
        .as((good, bad, at) -> {
          int i = good.length == 0 ? 0 : at % (good.length + 1);
          byte[] mixed = new byte[good.length + bad.length];
          System.arraycopy(good, 0, mixed, 0, i);
          System.arraycopy(bad, 0, mixed, i, bad.length);
          System.arraycopy(good, i, mixed, i + bad.length, good.length - i);
          return mixed;
        });
  }

  @Property(tries = 3000)
  void agreesWithTheJdkDecoderOnRandomBytesNearUtf8(@ForAll("nearlyUtf8") byte[] bytes,
      @ForAll("offsets") int cut) {
    assertAgrees(bytes);
    int from = Math.min(cut, bytes.length);
    assertThat(Utf8.isWellFormed(bytes, from, bytes.length)).isEqualTo(decodes(bytes, from, bytes.length));
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, 20);
  }
}
