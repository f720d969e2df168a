package dev.mlat.core.model.identifier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 address, with when it was observed and, where relevant, the source port.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value dotted-quad address, for example {@code 192.0.2.10}
 * @param observedAt when the address was observed in use; needed to identify who used a shared or dynamic address (may be absent)
 * @param timeZone the time zone in which the observation was originally recorded (IANA name or UTC offset), for the record (may be absent)
 * @param port the source port, needed behind carrier-grade NAT (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Ipv4Address(
    String value,
    Optional<Instant> observedAt,
    Optional<String> timeZone,
    Optional<Integer> port) implements Identifier {

  public Ipv4Address {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(port, "port");
  }
}
