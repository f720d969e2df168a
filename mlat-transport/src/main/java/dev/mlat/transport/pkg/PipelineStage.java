package dev.mlat.transport.pkg;

/**
 * The stages of the opening pipeline (docs/FORMAT.md, "Reader's rules"), in the order they run.
 * A {@link PackageRejectedException} names the stage that refused the package; conformance vectors
 * record "expected code, expected stage".
 */
public enum PipelineStage {
  /** 1: ZIP structure, entry names, counts and sizes. */
  STRUCTURE(1),
  /** 2: header.json parsed and its detached signature by a trusted sending authority verified. */
  HEADER_SIGNATURE(2),
  /** 3: recipient, every entry against the header, resend, expiry. */
  ENTRIES(3),
  /** 4: decryption of message.p7m and the issuing authority's signature and trust. */
  DECRYPTION(4),
  /** 5: the signed message's sender, recipient, id and type against the header (or the relay rule). */
  BINDING(5),
  /** 6: message.json validated, attachments decrypted and checked against the manifest. */
  CONTENT(6);

  private final int number;

  PipelineStage(int number) {
    this.number = number;
  }

  /** The stage's number, 1 to 6. */
  public int number() {
    return number;
  }
}
