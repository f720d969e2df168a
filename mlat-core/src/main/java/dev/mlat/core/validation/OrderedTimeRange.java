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
 * Class-level constraint. Invalid: A {@link dev.mlat.core.model.TimeRange} whose end is not before its start. The violation is reported on {@code end}.
 *
 * <p>Reported with code {@link dev.mlat.core.CoreErrorCode#VALIDATION_DATE_ORDER_INVALID}.
 */
@Documented
@Constraint(validatedBy = CrossFieldValidators.TimeRangeOrder.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface OrderedTimeRange {
  /** The message template; {@link RequestValidator} renders messages from its own bundle by code. */
  String message() default "VALIDATION_DATE_ORDER_INVALID";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
