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
 * The annotated text, when present, is a lower-case ISO 639-1 two-letter language code that {@link java.util.Locale#getISOLanguages()} lists, for example {@code fr}. {@code null} (an absent value) is valid: whether
 * a value is required is decided by the completeness rules of {@link RequestValidator}.
 *
 * <p>Reported with code {@link dev.mlat.core.CoreErrorCode#VALIDATION_LANGUAGE_CODE_INVALID}. The check is
 * {@code Formats.isLanguageCode}; see {@code docs/VALIDATION.md}.
 */
@Documented
@Constraint(validatedBy = FormatValidators.Language.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface LanguageCode {
  /** The message template; {@link RequestValidator} renders messages from its own bundle by code. */
  String message() default "VALIDATION_LANGUAGE_CODE_INVALID";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
