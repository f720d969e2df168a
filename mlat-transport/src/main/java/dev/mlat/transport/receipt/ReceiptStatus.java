package dev.mlat.transport.receipt;

/** Whether the receiver accepted the package (positive receipt) or refused it (negative receipt). */
public enum ReceiptStatus {
  /** The package passed the opening pipeline and was stored for delivery. */
  ACCEPTED("accepted"),
  /** The package was refused; the receipt names the error code and stage. */
  REJECTED("rejected");

  private final String wireName;

  ReceiptStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The name in receipt.json. */
  public String wireName() {
    return wireName;
  }
}
