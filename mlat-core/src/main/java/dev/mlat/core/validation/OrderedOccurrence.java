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
 * Class-level constraint. Invalid: An {@link dev.mlat.core.model.Occurrence} whose {@code to} is before its {@code from}. The violation is reported on {@code to}.
 *
 * <p>Reported with code {@link dev.mlat.core.CoreErrorCode#VALIDATION_DATE_ORDER_INVALID}.
 */
@Documented
@Constraint(validatedBy = CrossFieldValidators.OccurrenceOrder.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface OrderedOccurrence {
  /** The message template; {@link RequestValidator} renders messages from its own bundle by code. */
  String message() default "VALIDATION_DATE_ORDER_INVALID";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
