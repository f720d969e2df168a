package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.MlatCryptoException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a signed trust list is changed into, loading either fails with an
 * {@link MlatCryptoException} carrying a code or yields exactly the original list; never another
 * exception type. The JSON reader gets the same treatment on signed, mutated content.
 */
class TrustListMutationPropertyTest {
  private static final byte[] ORIGINAL = original();

  private static byte[] original() {
    try {
      return TrustListFixture.list(3);
    } catch (MlatCryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 200)
  void aMutatedSignedListFailsWithACodeOrLoadsTheOriginal(
      @ForAll @IntRange(min = 0, max = 10_000_000) int where, @ForAll @IntRange(min = 1, max = 255) int mask,
      @ForAll @IntRange(min = 0, max = 3) int kind) {
    byte[] mutated;
    int at = where % ORIGINAL.length;
    if (kind == 0) {
      mutated = ORIGINAL.clone();
      mutated[at] ^= (byte) mask;
    } else if (kind == 1) {
      mutated = java.util.Arrays.copyOf(ORIGINAL, at);
    } else if (kind == 2) {
      mutated = new byte[ORIGINAL.length + 1];
      System.arraycopy(ORIGINAL, 0, mutated, 0, at);
      mutated[at] = (byte) mask;
      System.arraycopy(ORIGINAL, at, mutated, at + 1, ORIGINAL.length - at);
    } else {
      mutated = ORIGINAL.clone();
      for (int i = 0; i < 8; i++) {
        mutated[(at + i * 7919) % mutated.length] ^= (byte) (mask + i);
      }
    }
    try {
      var list = TrustListFixture.loader(TrustListState.inMemory()).load(mutated);
      assertThat(list.sequenceNumber()).isEqualTo(3);
      assertThat(list.directory().jurisdictions()).containsExactly(TrustListFixture.FR);
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }

  @Property(tries = 150)
  void mutatedSignedJsonFailsWithACodeOrLoads(
      @ForAll @IntRange(min = 0, max = 10_000_000) int where, @ForAll @Size(min = 1, max = 4) byte[] replacement) throws Exception {
    String json = new String(TrustListFixture.publisher().content(TrustListFixture.DIRECTORY, 1, TrustListFixture.NOW,
        TrustListFixture.NOW.plus(java.time.Duration.ofDays(1))), StandardCharsets.UTF_8);
    byte[] content = json.getBytes(StandardCharsets.UTF_8);
    int at = where % content.length;
    System.arraycopy(replacement, 0, content, at, Math.min(replacement.length, content.length - at));
    byte[] signed = TrustListFixture.signed(content);
    try {
      TrustListFixture.loader(TrustListState.inMemory()).load(signed);
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }
}
