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
 * The annotated text, when present, is a SHA-256 digest as 64 lower-case hexadecimal digits. {@code null} (an absent value) is valid: whether
 * a value is required is decided by the completeness rules of {@link RequestValidator}.
 *
 * <p>Reported with code {@link dev.mlat.core.CoreErrorCode#VALIDATION_SHA256_INVALID}. The check is
 * {@code Formats.isSha256Hex}; see {@code docs/VALIDATION.md}.
 */
@Documented
@Constraint(validatedBy = FormatValidators.Sha256.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Sha256Hex {
  /** The message template; {@link RequestValidator} renders messages from its own bundle by code. */
  String message() default "VALIDATION_SHA256_INVALID";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
