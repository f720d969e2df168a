package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlat request templates}: one line per template, its name and what it drafts. */
@Command(name = "templates", mixinStandardHelpOptions = true,
    description = "List the templates of 'mlat request new': name, then what it drafts.")
public final class RequestTemplatesCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width = RequestTemplate.names().stream().mapToInt(String::length).max().orElse(0);
    for (RequestTemplate t : RequestTemplate.values()) {
      out.println(String.format("%-" + width + "s  %s", t.templateName(), t.title()));
    }
    return ExitCode.OK.value();
  }
}
