package dev.mlat.cli.internal;

import java.io.Console;
import java.util.Optional;

/**
 * Reads a password from the user without echo. The command uses {@link #console()}; tests supply
 * their own.
 */
@FunctionalInterface
public interface PasswordPrompt {

  /** The password typed after {@code prompt}, or empty when there is no interactive console. */
  Optional<char[]> readPassword(String prompt);

  /** {@link System#console()}, when the process has one. */
  static PasswordPrompt console() {
    return prompt -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(console.readPassword("%s", prompt));
    };
  }

  /** No console: every read is empty. */
  static PasswordPrompt none() {
    return prompt -> Optional.empty();
  }
}
