package dev.mlat.crypto.trust;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation data a verification relied on for one certificate of the path, kept (with its
 * exact bytes) so that the verification can be shown again years later.
 *
 * @param subject the subject DN (RFC 2253) of the certificate whose status this is
 * @param serialNumber its serial number
 * @param source where the data came from
 * @param encoded the DER bytes of the CRL or OCSPResponse; empty for {@link Source#NONE_SOFT_FAIL}
 * @param thisUpdate the data's thisUpdate; for {@link Source#NONE_SOFT_FAIL} the validation time
 * @param nextUpdate the data's nextUpdate, when it has one
 * @param note for a soft-fail, why the status could not be established
 */
public record RevocationEvidence(
    String subject, BigInteger serialNumber, Source source, byte[] encoded, Instant thisUpdate, Optional<Instant> nextUpdate,
    String note) {

  /** Where revocation data came from. */
  public enum Source {
    /** A CRL from the trust directory. */
    CRL_STORED,
    /** A CRL supplied with the verification (beside a signature). */
    CRL_SUPPLIED,
    /** An OCSP response from the trust directory. */
    OCSP_STORED,
    /** An OCSP response supplied with the verification. */
    OCSP_SUPPLIED,
    /** An OCSP response fetched online during the verification. */
    OCSP_ONLINE,
    /** No data: accepted only because the revocation policy soft-fails. */
    NONE_SOFT_FAIL
  }

  /** Validates and copies. */
  public RevocationEvidence {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(source, "source");
    encoded = Objects.requireNonNull(encoded, "encoded").clone();
    Objects.requireNonNull(thisUpdate, "thisUpdate");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    Objects.requireNonNull(note, "note");
  }

  /** A copy of the DER bytes. */
  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevocationEvidence && ((RevocationEvidence) o).source == source
        && java.util.Arrays.equals(((RevocationEvidence) o).encoded, encoded)
        && ((RevocationEvidence) o).subject.equals(subject) && ((RevocationEvidence) o).serialNumber.equals(serialNumber)
        && ((RevocationEvidence) o).thisUpdate.equals(thisUpdate) && ((RevocationEvidence) o).nextUpdate.equals(nextUpdate)
        && ((RevocationEvidence) o).note.equals(note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, serialNumber, source, java.util.Arrays.hashCode(encoded), thisUpdate, nextUpdate, note);
  }

  @Override
  public String toString() {
    return "RevocationEvidence[" + source + " for " + subject + " serial " + serialNumber.toString(16) + ", thisUpdate "
        + thisUpdate + nextUpdate.map(n -> ", nextUpdate " + n).orElse("") + ", " + encoded.length + " bytes"
        + (note.isEmpty() ? "" : ", " + note) + "]";
  }
}
