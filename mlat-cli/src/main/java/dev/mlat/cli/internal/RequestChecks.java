package dev.mlat.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlat.cli.CliErrorCode;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Request;
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import dev.mlat.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks {@code mlat request validate} runs on a request <em>after</em> the strict JSON reader
 * accepted it: by default the per-instrument validation of mlat-core ({@link #perInstrument}), at
 * the level the command's {@code --level} option names. {@link CliContext#requestChecks()} carries
 * the implementation to the command, so tests can substitute their own.
 *
 * <p>Implementations are thread-safe and never throw for a bad request: every finding is a
 * {@link Problem}.
 */
public interface RequestChecks {

  /** No checks beyond the strict JSON reading the command always does. */
  RequestChecks STRICT_READING_ONLY = new RequestChecks() {
    @Override
    public String description(Level level) {
      return "strict JSON reading";
    }

    @Override
    public List<Problem> check(Request request, Level level) {
      return List.of();
    }
  };

  /**
   * mlat-core's {@link RequestValidator}: formats, cross-references and, at {@link Level#ISSUED},
   * completeness under the request's instrument and measures ({@code docs/VALIDATION.md}), with
   * messages in {@code locale} (English, or French for a French locale). At the issued level,
   * every value that still holds a template placeholder ({@code [FILL IN: ...]}, see
   * {@code mlat request new}) is a {@link CliErrorCode#PLACEHOLDER_LEFT} problem too: a template's
   * free texts satisfy the completeness rules, but must never be signed as they are.
   */
  static RequestChecks perInstrument(Locale locale) {
    return new RequestChecks() {
      // Built on first use: commands that never validate do not pay for Hibernate Validator's start-up.
      private volatile RequestValidator validator;

      @Override
      public String description(Level level) {
        return "strict JSON reading and validation at the " + level.name().toLowerCase(Locale.ROOT) + " level";
      }

      @Override
      public List<Problem> check(Request request, Level level) {
        var problems = new ArrayList<Problem>();
        RequestValidator v0 = validator;
        if (v0 == null) {
          synchronized (this) {
            if (validator == null) {
              validator = new RequestValidator();
            }
            v0 = validator;
          }
        }
        for (Violation v : v0.validate(request, level, locale).violations()) {
          problems.add(new Problem(v.path(), v.code().code(), v.message()));
        }
        if (level == Level.ISSUED) {
          placeholders(request, problems);
        }
        return problems;
      }
    };
  }

  /** What was checked at {@code level}, for the OK line: {@code "strict JSON reading and validation at the issued level"}. */
  String description(Level level);

  /** The problems of {@code request} at {@code level}, in document order; empty when it passes. */
  List<Problem> check(Request request, Level level);

  /** Adds a problem for every string value of {@code request} that starts a template placeholder. */
  private static void placeholders(Request request, List<Problem> problems) {
    JsonNode tree;
    try {
      // The request as it travels: the same property names as the validator's paths.
      tree = new ObjectMapper().readTree(MlatJson.strict().writeRequest(request)).get("request");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the strict writer's own output did not parse", e);
    }
    walk(tree, "$", problems);
  }

  private static void walk(JsonNode node, String path, List<Problem> problems) {
    if (node.isTextual() && node.textValue().contains(RequestTemplate.PLACEHOLDER_PREFIX)) {
      problems.add(new Problem(path, CliErrorCode.PLACEHOLDER_LEFT.code(),
          "still holds the template's placeholder; replace it with the real value or remove the property"));
    } else if (node.isObject()) {
      var names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        walk(node.get(name), path + "." + name, problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", problems);
      }
    }
  }
}
