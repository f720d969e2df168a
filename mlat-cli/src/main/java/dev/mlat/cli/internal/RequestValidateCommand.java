package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.model.Request;
import dev.mlat.core.validation.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlat request validate FILE}: reads the request document strictly, then runs the
 * {@link CliContext#requestChecks() request checks}. Prints one line {@code PATH: CODE: message} per
 * problem on stdout and exits 1, or prints one OK line and exits 0.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Check a request document: strict JSON reading (syntax, limits, unknown or missing properties, types),",
        "then validation: formats and references at the draft level; at the issued level (the default) also",
        "everything the request's instrument requires before it is signed (docs/VALIDATION.md).",
        "Prints one line 'PATH: CODE: message' per problem on stdout and exits with 1, or one OK line and exits with 0."})
public final class RequestValidateCommand implements Callable<Integer> {


  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The request document (JSON).")
  private Path file;

  @Option(names = "--level", paramLabel = "draft|issued", converter = LevelConverter.class,
      description = "draft: structurally valid, may be incomplete; issued (default): complete for its instrument.")
  private Level level = Level.ISSUED;

  /** Used by picocli. */
  public RequestValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (Files.isDirectory(file)) {
      throw new CliFailure(CliErrorCode.IO_FAILED, ExitCode.IO, file + " is a folder, not a request document");
    }
    List<Problem> problems;
    Request request = null;
    try (InputStream in = Files.newInputStream(file)) {
      request = CliJson.strict().readRequest(in);
      problems = context.requestChecks().check(request, level);
    } catch (JsonInputException e) {
      problems = List.of(problemOf(e));
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read " + file, e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (problems.isEmpty()) {
      out.println("OK: " + file + ": request " + request.id() + " passes " + context.requestChecks().description(level) + ".");
      return ExitCode.OK.value();
    }
    for (Problem p : problems) {
      out.println(p.line());
    }
    out.flush();
    throw new CliFailure(CliErrorCode.REQUEST_INVALID, ExitCode.INVALID_INPUT,
        file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
  }

  /** The strict reader's exception as a problem line; its message already starts with the code and the path. */
  static Problem problemOf(JsonInputException e) {
    String detail = CliFailure.detailOf(e);
    String prefix = e.path() + ": ";
    return new Problem(e.path(), e.errorCode().code(), detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail);
  }

  /** {@code draft} or {@code issued}, in lower case as documented (picocli's enum matching is case-sensitive by default). */
  static final class LevelConverter implements picocli.CommandLine.ITypeConverter<Level> {
    @Override
    public Level convert(String value) {
      switch (value) {
        case "draft":
          return Level.DRAFT;
        case "issued":
          return Level.ISSUED;
        default:
          throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a level: use draft or issued");
      }
    }
  }
}
