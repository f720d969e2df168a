package dev.mlat.cli.internal;

import dev.mlat.core.model.Request;
import java.util.List;

/**
 * The checks {@code mlat request validate} runs on a request <em>after</em> the strict JSON reader
 * accepted it. This is where the per-instrument validation (draft / issued levels) plugs in: an
 * implementation adapts it, {@link CliContext#requestChecks()} carries it to the command, and a
 * {@code --level} option on {@link RequestValidateCommand} can choose among implementations.
 * Until then, {@link #STRICT_READING_ONLY} adds nothing to the strict reading.
 *
 * <p>Implementations are thread-safe and never throw for a bad request: every finding is a
 * {@link Problem}.
 */
public interface RequestChecks {

  /** No checks beyond the strict JSON reading the command always does. */
  RequestChecks STRICT_READING_ONLY = new RequestChecks() {
    @Override
    public String description() {
      return "strict JSON reading";
    }

    @Override
    public List<Problem> check(Request request) {
      return List.of();
    }
  };

  /** What was checked, for the OK line: {@code "strict JSON reading"}. */
  String description();

  /** The problems of {@code request}, in document order; empty when it passes. */
  List<Problem> check(Request request);
}
