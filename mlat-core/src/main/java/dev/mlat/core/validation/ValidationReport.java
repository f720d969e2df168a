package dev.mlat.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of validating a request (or one field of it): every violation found, in a stable
 * order (by path, then code). Never a bare boolean: either inspect {@link #violations()} or call
 * {@link #throwIfInvalid()}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ValidationReport report = validator.validate(request, Level.ISSUED, Locale.FRENCH);
 * for (Violation v : report.violations()) {
 *   form.markError(v.path(), v.message());
 * }
 * report.throwIfInvalid(); // before signing
 * }</pre>
 *
 * @param level the level that was checked
 * @param violations the violations, empty when valid
 */
public record ValidationReport(Level level, List<Violation> violations) {
  /** @throws NullPointerException if a component or a violation is null */
  public ValidationReport {
    java.util.Objects.requireNonNull(level, "level");
    violations = List.copyOf(violations);
  }

  /** True when there is no violation. */
  public boolean isValid() {
    return violations.isEmpty();
  }

  /** The violations at exactly this JSON path. */
  public List<Violation> at(String path) {
    return violations.stream().filter(v -> v.path().equals(path)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Returns normally when valid.
   *
   * @throws RequestValidationException carrying this report, when there is a violation
   */
  public void throwIfInvalid() throws RequestValidationException {
    if (!isValid()) {
      throw new RequestValidationException(this);
    }
  }
}
