package dev.mlat.core.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.mlat.core.validation.internal.CrossFieldValidators;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Class-level constraint. Invalid: An IPv4 or IPv6 address identifier without {@code observedAt}; use it in the {@link Issued} group (a draft may still lack the time). The violation is reported on {@code observedAt}.
 *
 * <p>Reported with code {@link dev.mlat.core.CoreErrorCode#VALIDATION_IP_OBSERVED_TIME_MISSING}.
 */
@Documented
@Constraint(validatedBy = CrossFieldValidators.IpAddress.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface ObservedTimeRequired {
  /** The message template; {@link RequestValidator} renders messages from its own bundle by code. */
  String message() default "VALIDATION_IP_OBSERVED_TIME_MISSING";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
