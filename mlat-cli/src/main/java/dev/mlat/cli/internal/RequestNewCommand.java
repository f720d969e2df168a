package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.model.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlat request new}: a filled-in starting document from a template. */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = {
        "Write a new draft request from a template ('mlat request templates' lists them), with a fresh id and today's date.",
        "Every fact you must supply is marked \"[FILL IN: ...]\"; replace each one before the request is issued."})
public final class RequestNewCommand implements Callable<Integer> {


  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Option(names = "--template", required = true, paramLabel = "NAME", description = "The template, for example preservation.")
  private String template;

  @Option(names = "--from", required = true, paramLabel = "CC[:AUTHORITY]",
      description = "The requesting side: a jurisdiction (its authority CC-MOJ) or JURISDICTION:AUTHORITY, for example FR:FR-MOJ.")
  private String from;

  @Option(names = "--to", required = true, paramLabel = "CC[:AUTHORITY]",
      description = "The requested side (for eu-production-order: the service provider, JURISDICTION:PROVIDER).")
  private String to;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (missing folders are created).")
  private Path out;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  private boolean force;

  /** Used by picocli. */
  public RequestNewCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RequestTemplate t = RequestTemplate.named(template).orElseThrow(() -> new CliFailure(CliErrorCode.TEMPLATE_UNKNOWN,
        ExitCode.USAGE, "--template: '" + printable(template) + "' is not a template; one of " + RequestTemplate.names()));
    PartyId requesting = Arguments.party("--from", from);
    if (t.recipientIsServiceProvider() && to.indexOf(':') < 0) {
      throw CliFailure.usage("--to: template " + t.templateName()
          + " addresses a service provider; name it as JURISDICTION:PROVIDER, for example IE:EXAMPLE-CLOUD");
    }
    PartyId requested = Arguments.party("--to", to);
    if (requesting.jurisdiction().equals(requested.jurisdiction())) {
      throw CliFailure.usage("--from and --to are both " + requesting.jurisdiction().code()
          + "; a mutual legal assistance request goes to another jurisdiction");
    }
    Request request = t.draft(context.clock(), requesting, requested);
    byte[] json = CliJson.strict().writeRequest(request);
    try {
      CliJson.strict().readRequest(json);
    } catch (JsonInputException e) {
      throw new IllegalStateException("template " + t.templateName() + " does not read back strictly: " + e.getMessage(), e);
    }
    OutputFiles.write(out, json, force);
    int placeholders = count(new String(json, StandardCharsets.UTF_8), RequestTemplate.PLACEHOLDER_PREFIX);
    spec.commandLine().getOut().println("Wrote " + out + ": " + t.templateName() + " draft, request " + request.id()
        + ", from " + requesting + " to " + requested + "; " + placeholders + " places marked \""
        + RequestTemplate.PLACEHOLDER_PREFIX + ": ...]\" to fill in.");
    return ExitCode.OK.value();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static String printable(String value) {
    String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return v.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
