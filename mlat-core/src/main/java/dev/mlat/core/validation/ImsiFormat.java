package dev.mlat.core.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.mlat.core.validation.internal.FormatValidators;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text, when present, is an IMSI (ITU-T E.212): 14 or 15 digits, MCC + MNC + MSIN. {@code null} (an absent value) is valid: whether
 * a value is required is decided by the completeness rules of {@link RequestValidator}.
 *
 * <p>Reported with code {@link dev.mlat.core.CoreErrorCode#VALIDATION_IMSI_INVALID}. The check is
 * {@code Formats.isImsi}; see {@code docs/VALIDATION.md}.
 */
@Documented
@Constraint(validatedBy = FormatValidators.ImsiNumber.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ImsiFormat {
  /** The message template; {@link RequestValidator} renders messages from its own bundle by code. */
  String message() default "VALIDATION_IMSI_INVALID";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
