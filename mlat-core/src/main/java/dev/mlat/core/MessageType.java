package dev.mlat.core;

import java.util.Optional;

/**
 * The closed set of lifecycle message types. Its {@link #wireName()} is the only polymorphic type
 * information read from JSON ({@code "messageType"}), from package headers and from the state
 * machine's tables; a name outside this set is rejected.
 */
public enum MessageType {
  REQUEST("Request"),
  ACKNOWLEDGEMENT_OF_RECEIPT("AcknowledgementOfReceipt"),
  STATUS_UPDATE("StatusUpdate"),
  REQUEST_FOR_ADDITIONAL_INFORMATION("RequestForAdditionalInformation"),
  ADDITIONAL_INFORMATION("AdditionalInformation"),
  NEW_DEADLINE("NewDeadline"),
  RESPONSE("Response"),
  REFUSAL("Refusal"),
  NON_EXECUTION("NonExecution"),
  WITHDRAWAL("Withdrawal"),
  WITHDRAWAL_CONFIRMED("WithdrawalConfirmed"),
  PRESERVATION_CONFIRMED("PreservationConfirmed"),
  PRESERVATION_EXTENDED("PreservationExtended"),
  PRESERVATION_ENDED("PreservationEnded");

  private final String wireName;

  MessageType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the wire, for example {@code AcknowledgementOfReceipt}. */
  public String wireName() {
    return wireName;
  }

  /** The type whose {@link #wireName()} is {@code name}, exactly (case-sensitive). */
  public static Optional<MessageType> fromWireName(String name) {
    for (var type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
