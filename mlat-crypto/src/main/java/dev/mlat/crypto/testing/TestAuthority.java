package dev.mlat.crypto.testing;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.trust.AuthorityRole;
import java.util.Objects;
import java.util.Set;

/**
 * One authority of a {@link TestPki}: its identity, the roles written to {@code authorities.json},
 * and its three credentials.
 *
 * @param id the authority, also in each certificate's subject organizationIdentifier
 * @param roles what it is registered for
 * @param signing digitalSignature + nonRepudiation
 * @param encryption keyAgreement (EC) or keyEncipherment (RSA, ML-KEM, composite KEM)
 * @param tls serverAuth + clientAuth, SAN localhost and 127.0.0.1
 */
public record TestAuthority(
    PartyId id, Set<AuthorityRole> roles, TestCredential signing, TestCredential encryption, TestCredential tls) {

  /** Validates and copies. */
  public TestAuthority {
    Objects.requireNonNull(id, "id");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(tls, "tls");
  }
}
