package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the requesting side for information missing or unclear in the request.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param questions what is needed, one question per entry (possibly empty, never null)
 * @param answerBy when the answer is needed (may be absent)
 * @param note free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record RequestForAdditionalInformation(
    MessageHeader header,
    List<String> questions,
    Optional<Instant> answerBy,
    Optional<String> note) implements LifecycleMessage {

  public RequestForAdditionalInformation {
    Objects.requireNonNull(header, "header");
    questions = List.copyOf(questions);
    Objects.requireNonNull(answerBy, "answerBy");
    Objects.requireNonNull(note, "note");
  }

  /** Always {@link MessageType#REQUEST_FOR_ADDITIONAL_INFORMATION}. */
  @Override
  public MessageType messageType() {
    return MessageType.REQUEST_FOR_ADDITIONAL_INFORMATION;
  }
}
