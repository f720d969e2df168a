package dev.mlat.core.validation.internal;

import dev.mlat.core.model.Occurrence;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.model.identifier.Ipv4Address;
import dev.mlat.core.model.identifier.Ipv6Address;
import dev.mlat.core.validation.DeadlineAfterIssue;
import dev.mlat.core.validation.ObservedTimeRequired;
import dev.mlat.core.validation.OrderedOccurrence;
import dev.mlat.core.validation.OrderedTimeRange;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The validators of the class-level constraints in {@code dev.mlat.core.validation}. Each reports
 * its violation on the property that has to change, so that the JSON path points at it. Stateless
 * and thread-safe.
 */
public final class CrossFieldValidators {

  private CrossFieldValidators() {}

  private static boolean fail(ConstraintValidatorContext context, String property) {
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
        .addPropertyNode(property)
        .addConstraintViolation();
    return false;
  }

  /** Validates {@link OrderedTimeRange}: the end is after the start (an empty range is refused). */
  public static final class TimeRangeOrder implements ConstraintValidator<OrderedTimeRange, TimeRange> {
    /** Called by the validation provider. */
    public TimeRangeOrder() {}

    @Override
    public boolean isValid(TimeRange value, ConstraintValidatorContext context) {
      return value == null || value.end().isAfter(value.start()) || fail(context, "end");
    }
  }

  /** Validates {@link OrderedOccurrence}: {@code to}, when present with {@code from}, is not before it. */
  public static final class OccurrenceOrder implements ConstraintValidator<OrderedOccurrence, Occurrence> {
    /** Called by the validation provider. */
    public OccurrenceOrder() {}

    @Override
    public boolean isValid(Occurrence value, ConstraintValidatorContext context) {
      if (value == null || value.from().isEmpty() || value.to().isEmpty()) {
        return true;
      }
      return !value.to().get().isBefore(value.from().get()) || fail(context, "to");
    }
  }

  /** Validates {@link DeadlineAfterIssue}: the deadline, when present with the issue date, is after it. */
  public static final class DeadlineOrder implements ConstraintValidator<DeadlineAfterIssue, Request> {
    /** Called by the validation provider. */
    public DeadlineOrder() {}

    @Override
    public boolean isValid(Request value, ConstraintValidatorContext context) {
      if (value == null || value.issuedAt().isEmpty() || value.deadline().isEmpty()) {
        return true;
      }
      return value.deadline().get().isAfter(value.issuedAt().get()) || fail(context, "deadline");
    }
  }

  /** Validates {@link ObservedTimeRequired} on IPv4 and IPv6 address identifiers. */
  public static final class IpAddress implements ConstraintValidator<ObservedTimeRequired, Identifier> {
    /** Called by the validation provider. */
    public IpAddress() {}

    @Override
    public boolean isValid(Identifier value, ConstraintValidatorContext context) {
      Optional<Instant> observedAt;
      if (value instanceof Ipv4Address v4) {
        observedAt = v4.observedAt();
      } else if (value instanceof Ipv6Address v6) {
        observedAt = v6.observedAt();
      } else {
        return true;
      }
      return observedAt.isPresent() || fail(context, "observedAt");
    }
  }
}
