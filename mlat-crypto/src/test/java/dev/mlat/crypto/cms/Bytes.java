package dev.mlat.crypto.cms;

/** Byte-pattern helpers for tamper tests. */
final class Bytes {
  private Bytes() {}

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }

  static byte[] flip(byte[] in, int index) {
    byte[] out = in.clone();
    out[index] ^= 0x01;
    return out;
  }
}
