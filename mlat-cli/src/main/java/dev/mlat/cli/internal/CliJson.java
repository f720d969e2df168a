package dev.mlat.cli.internal;

import dev.mlat.core.json.MlatJson;

/**
 * The commands' strict {@link MlatJson}, built on first use. picocli instantiates every
 * sub-command when it builds the command line, so a static field per command built Jackson's
 * mappers for every run, {@code mlat --version} included (docs/PERFORMANCE.md, "Fresh-process
 * start-up (session 3)"). Thread-safe (the holder idiom; {@link MlatJson} is immutable).
 */
final class CliJson {
  private CliJson() {}

  private static final class Holder {
    static final MlatJson STRICT = MlatJson.strict();
  }

  /** The shared strict reader and writer. */
  static MlatJson strict() {
    return Holder.STRICT;
  }
}
