package dev.mlat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.cli.internal.CliRun;
import dev.mlat.cli.internal.Problem;
import dev.mlat.cli.internal.RequestChecks;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Request;
import dev.mlat.core.testing.SampleRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlatTest {

  @TempDir
  Path dir;

  @Test
  void versionNamesTheProjectVersionAndTheJavaRuntime() {
    var r = CliRun.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines().get(0)).matches("mlat \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(r.out()).contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void helpListsTheSubCommandsAndEveryExitCode() {
    var r = CliRun.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("pki", "request", "Exit codes:");
    for (ExitCode code : ExitCode.values()) {
      assertThat(r.out()).containsPattern("(?m)^\\s+" + code.value() + "\\s+" + java.util.regex.Pattern.quote(code.description().substring(0, Math.min(20, code.description().length()))));
    }
  }

  @Test
  void subCommandHelpListsTheExitCodesToo() {
    var r = CliRun.run("request", "new", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--template", "--from", "--to", "--out", "--force", "Exit codes:", "70");
  }

  @Test
  void noSubCommandIsAUsageError() {
    var r = CliRun.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: missing sub-command; one of [pki, request, seal, verify, open, receipt, relay, send, serve, status, ledger, demo]");
  }

  @Test
  void unknownCommandOrOptionIsOneLineAndExitTwo() {
    var unknownCommand = CliRun.run("frobnicate");
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.errLines()).singleElement().asString()
        .startsWith("mlat: USAGE_INVALID: ").contains("frobnicate").endsWith("(see 'mlat --help')");

    var unknownOption = CliRun.run("request", "templates", "--colour");
    assertThat(unknownOption.exitCode()).isEqualTo(2);
    assertThat(unknownOption.errLines()).singleElement().asString()
        .startsWith("mlat: USAGE_INVALID: ").contains("--colour").endsWith("(see 'mlat request templates --help')");
  }

  @Test
  void anUnexpectedFailureIsExitSeventyWithoutStackTraceUnlessVerbose() throws Exception {
    Path file = dir.resolve("request.json");
    Files.write(file, MlatJson.strict().writeRequest(SampleRequests.frenchPreservationAndProduction()));
    RequestChecks broken = new RequestChecks() {
      @Override
      public String description(dev.mlat.core.validation.Level level) {
        return "broken checks";
      }

      @Override
      public List<Problem> check(Request request, dev.mlat.core.validation.Level level) {
        throw new IllegalStateException("validator bug");
      }
    };
    var context = CliRun.context().withRequestChecks(broken);

    var quiet = CliRun.run(context, "request", "validate", file.toString());
    assertThat(quiet.exitCode()).isEqualTo(70);
    assertThat(quiet.errLines()).singleElement().asString()
        .startsWith("mlat: INTERNAL_ERROR: unexpected java.lang.IllegalStateException: validator bug")
        .contains("--verbose");

    var verbose = CliRun.run(context, "request", "validate", "--verbose", file.toString());
    assertThat(verbose.exitCode()).isEqualTo(70);
    assertThat(verbose.errLines().get(0)).startsWith("mlat: INTERNAL_ERROR: ");
    assertThat(verbose.err()).contains("at dev.mlat.cli.MlatTest");

    var verboseFirst = CliRun.run(context, "--verbose", "request", "validate", file.toString());
    assertThat(verboseFirst.err()).contains("java.lang.IllegalStateException: validator bug", "\tat ");
  }
}
