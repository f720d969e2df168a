package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.Ipv6Literal;
import dev.mlat.core.validation.Issued;
import dev.mlat.core.validation.ObservedTimeRequired;
import dev.mlat.core.validation.TimeZoneId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv6 address, with when it was observed and, where relevant, the source port.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value address in RFC 5952 text form, for example {@code 2001:db8::1}
 * @param observedAt when the address was observed in use; needed to identify who used a shared or dynamic address (may be absent)
 * @param timeZone the time zone in which the observation was originally recorded (IANA name or UTC offset), for the record (may be absent)
 * @param port the source port, needed behind carrier-grade NAT (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
@ObservedTimeRequired(groups = Issued.class)
public record Ipv6Address(
    @Ipv6Literal String value,
    Optional<Instant> observedAt,
    Optional<@TimeZoneId String> timeZone,
    Optional<@PositiveOrZero @Max(65535) Integer> port) implements Identifier {

  public Ipv6Address {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(port, "port");
  }
}
