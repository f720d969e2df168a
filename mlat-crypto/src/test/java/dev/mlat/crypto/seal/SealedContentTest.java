package dev.mlat.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The SealedContent codec: round trip, and every other input refused with SEAL_BINDING_MALFORMED only. */
class SealedContentTest {
  private static final SealBinding BINDING = new SealBinding(new PartyId(Jurisdiction.of("FR"), "FR-MOJ"),
      new PartyId(Jurisdiction.of("DE"), "DE-BMJ"), UUID.fromString("3f2b8c1e-9a4d-4e7f-8b21-0c5d6e7f8a9b"));

  @Property(tries = 200)
  void encodedContentDecodesToItself(@ForAll @Size(max = 2000) byte[] payload, @ForAll long most, @ForAll long least) throws Exception {
    var binding = new SealBinding(BINDING.sender(), BINDING.recipient(), new UUID(most, least));
    var decoded = SealedContent.decode(SealedContent.encode(binding, payload));
    assertThat(decoded.binding()).isEqualTo(binding);
    assertThat(decoded.payload()).isEqualTo(payload);
  }

  @Property(tries = 300)
  void arbitraryBytesAreRefusedWithTheSealCode(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      var decoded = SealedContent.decode(bytes);
      // only the exact DER of what it decodes to is accepted
      assertThat(SealedContent.encode(decoded.binding(), decoded.payload())).isEqualTo(bytes);
    } catch (MlatCryptoException e) {
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEAL_BINDING_MALFORMED);
    }
  }

  @Property(tries = 500)
  void aMutatedEncodingIsRefusedOrIsExactlyTheDerOfWhatItSays(@ForAll @Size(max = 64) byte[] payload,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] bytes = SealedContent.encode(BINDING, payload);
    bytes[position % bytes.length] ^= (byte) xor;
    try {
      var decoded = SealedContent.decode(bytes);
      assertThat(SealedContent.encode(decoded.binding(), decoded.payload())).isEqualTo(bytes);
    } catch (MlatCryptoException e) {
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEAL_BINDING_MALFORMED);
    }
  }
}
