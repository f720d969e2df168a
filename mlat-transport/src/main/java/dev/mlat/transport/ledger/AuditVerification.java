package dev.mlat.transport.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a successful audit-trail verification: every entry's digest and link checked, and
 * every anchor given matched. What the chain cannot prove by itself is the window after the last
 * anchor: entries there could have been cut off without trace ({@link #unanchoredEntries()}).
 *
 * @param entries the entries checked (1 to {@code headSequence})
 * @param headSequence the sequence of the newest entry (0 for an empty trail)
 * @param headSha256 its digest ({@link AuditEntry#GENESIS} for an empty trail)
 * @param lastAnchoredSequence the highest sequence a verified anchor covers, if any
 * @param anchorsChecked how many anchors were verified against the chain
 * @param unanchoredEntries entries after the last anchor (all entries when there is none)
 */
public record AuditVerification(
    long entries, long headSequence, String headSha256, Optional<Long> lastAnchoredSequence, int anchorsChecked,
    long unanchoredEntries) {

  /** Validates. */
  public AuditVerification {
    Objects.requireNonNull(headSha256, "headSha256");
    Objects.requireNonNull(lastAnchoredSequence, "lastAnchoredSequence");
  }
}
