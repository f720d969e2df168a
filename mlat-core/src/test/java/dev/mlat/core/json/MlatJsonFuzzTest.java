package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;

/**
 * Fuzzes the strict reader with arbitrary bytes. Every input must either be rejected with a {@link
 * JsonInputException} (any other exception, an error or a hang is a finding), or be accepted, in
 * which case writing it and reading it back gives an equal model and identical bytes.
 *
 * <p>In the normal build this replays the committed corpus in {@code
 * src/test/resources/dev/mlat/core/json/MlatJsonFuzzTestInputs/}; to fuzz, see {@code
 * docs/FUZZING.md}.
 */
class MlatJsonFuzzTest {

  private static final MlatJson JSON = MlatJson.strict();

  @FuzzTest(maxDuration = "60s")
  void readerAcceptsOrRejectsCleanly(byte[] input) {
    try {
      Request request = JSON.readRequest(input);
      byte[] written = JSON.writeRequest(request);
      Request again = JSON.readRequest(written);
      assertThat(again).isEqualTo(request);
      assertThat(JSON.writeRequest(again)).isEqualTo(written);
    } catch (JsonInputException expected) {
      assertThat(expected.errorCode()).isNotNull();
      assertThat(expected.path()).startsWith("$");
    }
    try {
      LifecycleMessage message = JSON.readMessage(input);
      byte[] written = JSON.writeMessage(message);
      LifecycleMessage again = JSON.readMessage(written);
      assertThat(again).isEqualTo(message);
      assertThat(JSON.writeMessage(again)).isEqualTo(written);
    } catch (JsonInputException expected) {
      assertThat(expected.errorCode()).isNotNull();
      assertThat(expected.path()).startsWith("$");
    }
  }
}
