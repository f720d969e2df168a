package dev.mlat.core.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The check that bytes are well-formed UTF-8, as the strict readers apply it before parsing: the
 * byte sequences of RFC 3629 section 4 (Unicode table 3-7), no more. Refused are stray continuation
 * bytes, the lead bytes {@code C0}, {@code C1} and {@code F5}..{@code FF}, overlong forms, encoded
 * surrogates ({@code ED A0}..{@code ED BF}), code points above U+10FFFF and a sequence cut short by
 * the end of the range. Noncharacters such as U+FFFE are well-formed and accepted. This is exactly
 * the set of inputs the JDK's UTF-8 decoder decodes with {@link
 * java.nio.charset.CodingErrorAction#REPORT} (a test holds the two equal), without decoding
 * anything: runs of ASCII are checked eight bytes at a time and nothing is allocated.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * if (!Utf8.isWellFormed(bytes)) {
 *   throw new IllegalArgumentException("not UTF-8");
 * }
 * }</pre>
 */
public final class Utf8 {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** Whether all of {@code bytes} is well-formed UTF-8. */
  public static boolean isWellFormed(byte[] bytes) {
    return isWellFormed(bytes, 0, bytes.length);
  }

  /**
   * Whether {@code bytes[from]} to {@code bytes[to - 1]} are well-formed UTF-8 on their own (a
   * sequence may not continue past {@code to}).
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code bytes}
   */
  public static boolean isWellFormed(byte[] bytes, int from, int to) {
    Objects.checkFromToIndex(from, to, bytes.length);
    int i = from;
    while (i < to) {
      while (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i == to) {
        break;
      }
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
      } else if (lead < 0xC2) {
        return false; // a continuation byte, or C0/C1 (which only start overlong forms)
      } else if (lead < 0xE0) {
        if (i + 1 >= to || !isContinuation(bytes[i + 1])) {
          return false;
        }
        i += 2;
      } else if (lead < 0xF0) {
        if (i + 2 >= to) {
          return false;
        }
        int second = bytes[i + 1] & 0xFF;
        // E0 A0..BF (E0 80..9F is overlong), ED 80..9F (ED A0..BF encodes a surrogate)
        int low = lead == 0xE0 ? 0xA0 : 0x80;
        int high = lead == 0xED ? 0x9F : 0xBF;
        if (second < low || second > high || !isContinuation(bytes[i + 2])) {
          return false;
        }
        i += 3;
      } else if (lead < 0xF5) {
        if (i + 3 >= to) {
          return false;
        }
        int second = bytes[i + 1] & 0xFF;
        // F0 90..BF (F0 80..8F is overlong), F4 80..8F (F4 90.. is above U+10FFFF)
        int low = lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
          return false;
        }
        i += 4;
      } else {
        return false; // F5..FF start no sequence
      }
    }
    return true;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
