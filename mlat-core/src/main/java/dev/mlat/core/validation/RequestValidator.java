package dev.mlat.core.validation;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.model.Request;
import dev.mlat.core.validation.internal.CompletenessRules;
import dev.mlat.core.validation.internal.MeasureAvailability;
import dev.mlat.core.validation.internal.References;
import dev.mlat.core.validation.internal.ViolationMessages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates requests at a {@link Level}: the Jakarta constraints on the model (formats, order of
 * dates; group {@link Draft} or {@link Issued}), the cross-references inside the request, the
 * measures the instrument provides for, and, at
 * {@link Level#ISSUED}, the completeness rules of the request's instrument and measures listed in
 * {@code docs/VALIDATION.md}. Every violation carries the JSON path of the property to correct, a
 * stable {@link CoreErrorCode} and a message in the requested language (English and French are
 * provided; other locales fall back to English).
 *
 * <p>Thread-safe; create one and share it (creating it builds the validation metadata, which
 * takes some milliseconds).
 *
 * <pre>{@code
 * RequestValidator validator = new RequestValidator();
 * ValidationReport report = validator.validate(request, Level.ISSUED, Locale.FRENCH);
 * report.throwIfInvalid();                         // RequestValidationException if anything is missing
 * // while a form is being filled in:
 * validator.validateField(request, "$.caseDescription.summaryOfFacts", Level.DRAFT, Locale.ENGLISH);
 * }</pre>
 */
public final class RequestValidator {

  private final ValidatorFactory factory;
  private final Validator validator;

  /** A validator backed by Hibernate Validator, with messages rendered from mlat's own bundles. */
  public RequestValidator() {
    this.factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  /**
   * Validates a whole request.
   *
   * @param request the request
   * @param level how strictly
   * @param locale the language of the messages
   * @return every violation, sorted by path then code
   * @throws NullPointerException if an argument is null
   */
  public ValidationReport validate(Request request, Level level, Locale locale) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(locale, "locale");
    var messages = new ViolationMessages(locale);
    Map<String, Violation> out = new LinkedHashMap<>();
    for (ConstraintViolation<Request> cv : validator.validate(request, level.group())) {
      add(out, toViolation(cv, messages));
    }
    for (String path : References.check(request)) {
      add(out, new Violation(path, CoreErrorCode.VALIDATION_REFERENCE_INVALID,
          messages.format(CoreErrorCode.VALIDATION_REFERENCE_INVALID, path, "")));
    }
    for (String path : MeasureAvailability.check(request)) {
      add(out, new Violation(path, CoreErrorCode.VALIDATION_MEASURE_NOT_AVAILABLE,
          messages.format(CoreErrorCode.VALIDATION_MEASURE_NOT_AVAILABLE, path, MeasureAvailability.E_EVIDENCE_SOURCE)));
    }
    if (level == Level.ISSUED) {
      for (var f : CompletenessRules.check(request)) {
        add(out, new Violation(f.path(), f.code(), messages.format(f.code(), f.path(), f.rule().source())));
      }
    }
    var list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing(Violation::path).thenComparing(v -> v.code().code()));
    return new ValidationReport(level, list);
  }

  /**
   * Validates a request and keeps the violations at or under one JSON path, for a form that checks
   * a field as it is typed. Rules that relate several fields report on the field that must change
   * (for example a deadline before the issue date is reported on {@code $.deadline}).
   *
   * @param request the request
   * @param jsonPath a path such as {@code $.caseDescription.summaryOfFacts} or {@code $.measures[0]}
   * @param level how strictly
   * @param locale the language of the messages
   * @return the violations at or under {@code jsonPath}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code jsonPath} does not start with {@code $}
   */
  public ValidationReport validateField(Request request, String jsonPath, Level level, Locale locale) {
    Objects.requireNonNull(jsonPath, "jsonPath");
    if (!jsonPath.startsWith("$")) {
      throw new IllegalArgumentException("a JSON path starts with $, for example $.language; got " + jsonPath);
    }
    var all = validate(request, level, locale);
    var kept = all.violations().stream()
        .filter(v -> jsonPath.equals("$") || v.path().equals(jsonPath)
            || v.path().startsWith(jsonPath + ".") || v.path().startsWith(jsonPath + "["))
        .toList();
    return new ValidationReport(level, kept);
  }

  /**
   * Checks one value against the format constraints a model property declares, before the
   * record is even built (for example a typed IBAN against {@code Iban.value}). Paths are {@code
   * $.<property>} (or under it, for list elements).
   *
   * @param type the model record, for example {@code Iban.class}
   * @param property the record component, for example {@code value}
   * @param value the candidate value, of the component's type ({@code Optional} and {@code List} included)
   * @param level how strictly
   * @param locale the language of the messages
   * @throws NullPointerException if {@code type}, {@code property}, {@code level} or {@code locale} is null
   * @throws IllegalArgumentException if the type has no such property
   */
  public <T> ValidationReport validateValue(Class<T> type, String property, Object value, Level level, Locale locale) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(locale, "locale");
    var messages = new ViolationMessages(locale);
    Set<ConstraintViolation<T>> found = validator.validateValue(type, property, value, level.group());
    Map<String, Violation> out = new LinkedHashMap<>();
    for (var cv : found) {
      add(out, toViolation(cv, messages));
    }
    var list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing(Violation::path).thenComparing(v -> v.code().code()));
    return new ValidationReport(level, list);
  }

  private static void add(Map<String, Violation> out, Violation v) {
    out.putIfAbsent(v.path() + " " + v.code().code(), v);
  }

  private static Violation toViolation(ConstraintViolation<?> cv, ViolationMessages messages) {
    String path = jsonPath(cv.getPropertyPath());
    Annotation annotation = cv.getConstraintDescriptor().getAnnotation();
    CoreErrorCode code = ViolationMessages.codeOf(annotation);
    return new Violation(path, code, messages.format(code, path, ViolationMessages.detail(annotation, messages)));
  }

  /**
   * Converts a Jakarta property path ({@code caseDescription.offences[0].statutoryProvision}, with
   * container-element nodes such as {@code <list element>}) to a JSON path.
   */
  static String jsonPath(Path path) {
    var sb = new StringBuilder("$");
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        sb.append('[').append(node.getIndex()).append(']');
      } else if (node.isInIterable() && node.getKey() != null) {
        sb.append('[').append(node.getKey()).append(']');
      }
      String name = node.getName();
      if (name != null && !name.isEmpty() && !name.startsWith("<")) {
        sb.append('.').append(name);
      }
    }
    return sb.toString();
  }
}
