package dev.mlat.transport.pkg;

import dev.mlat.crypto.trust.TrustReport;
import java.util.Objects;

/**
 * A header that passed stages 1 and 2: the package's ZIP structure is within the profile and
 * header.json is signed by an authority trusted for the sender's jurisdiction. Says nothing about
 * the other entries' content (a gateway cannot decrypt them).
 *
 * @param header the parsed header
 * @param headerSigner the trust report of header.p7s's signer (with the revocation data used)
 * @param headerSha256 lower-case hex SHA-256 of the package file
 * @param packageSize its size in bytes
 */
public record VerifiedHeader(PackageHeader header, TrustReport headerSigner, String headerSha256, long packageSize) {
  /** Validates. */
  public VerifiedHeader {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(headerSigner, "headerSigner");
    Objects.requireNonNull(headerSha256, "headerSha256");
  }
}
