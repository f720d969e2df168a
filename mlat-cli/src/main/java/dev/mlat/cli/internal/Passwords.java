package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a password comes from, never from a command-line argument (it would show in the process
 * list and the shell history): a file, the environment variable {@value CliContext#PASSWORD_VARIABLE},
 * or the console.
 */
final class Passwords {

  /** The largest password file read; a longer file is almost certainly the wrong file. */
  static final int MAX_PASSWORD_FILE_BYTES = 4096;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /**
   * The password for new PKCS#12 files, given by the user: from {@code file} (its first line), else
   * from the environment, else from the console when {@code prompt} is set (asked twice). Empty when
   * none of these is given; the caller then {@linkplain #generate() generates} one.
   */
  static Optional<char[]> forNewKeyStore(CliContext context, Optional<Path> file, boolean prompt) {
    if (file.isPresent()) {
      return Optional.of(fromFile(file.get()));
    }
    String variable = context.environment().get(CliContext.PASSWORD_VARIABLE);
    if (variable != null) {
      if (variable.isEmpty()) {
        throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE,
            CliContext.PASSWORD_VARIABLE + " is set but empty; PKCS#12 key protection (PBKDF2) needs a non-empty password");
      }
      return Optional.of(variable.toCharArray());
    }
    if (prompt) {
      char[] first = ask(context, "New PKCS#12 password: ");
      char[] second = ask(context, "Repeat the password: ");
      try {
        if (first.length == 0) {
          throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE, "the password is empty; nothing was written");
        }
        if (!Arrays.equals(first, second)) {
          throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE, "the two passwords differ; nothing was written");
        }
        return Optional.of(first.clone());
      } finally {
        Arrays.fill(first, '\0');
        Arrays.fill(second, '\0');
      }
    }
    return Optional.empty();
  }

  /**
   * The password of existing keys (PKCS#12 files, or a token's PIN): from {@code file} (its first
   * line), else from the environment, else asked once on the console (when {@code prompt} is set or
   * the process has a console). Never empty.
   *
   * @param what what the password opens, for the prompt and the error
   */
  static char[] forExistingKey(CliContext context, Optional<Path> file, boolean prompt, String what) {
    if (file.isPresent()) {
      return fromFile(file.get());
    }
    String variable = context.environment().get(CliContext.PASSWORD_VARIABLE);
    if (variable != null) {
      if (variable.isEmpty()) {
        throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE, CliContext.PASSWORD_VARIABLE + " is set but empty");
      }
      return variable.toCharArray();
    }
    Optional<char[]> typed = context.passwordPrompt().readPassword("Password of " + what + ": ");
    if (typed.isEmpty()) {
      throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE, "the password of " + what
          + " is needed: give --password-file FILE, set " + CliContext.PASSWORD_VARIABLE + ", or run in a terminal"
          + (prompt ? "" : " (--password-prompt)"));
    }
    if (typed.get().length == 0) {
      throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE, "the password of " + what + " is empty");
    }
    return typed.get();
  }

  /** A random password of 24 characters (144 bits) from {@code A-Z a-z 0-9 - _}. */
  static char[] generate() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
    char[] password = new char[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      password[i] = (char) encoded[i];
    }
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(encoded, (byte) 0);
    return password;
  }

  private static char[] ask(CliContext context, String prompt) {
    return context.passwordPrompt().readPassword(prompt).orElseThrow(() -> new CliFailure(
        CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE,
        "--password-prompt needs an interactive console; use --password-file FILE or " + CliContext.PASSWORD_VARIABLE));
  }

  /** The first line of {@code file} (UTF-8, without its line end), not empty, at most {@value #MAX_PASSWORD_FILE_BYTES} bytes. */
  static char[] fromFile(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_PASSWORD_FILE_BYTES + 1);
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read the password file " + file, e);
    }
    try {
      if (bytes.length > MAX_PASSWORD_FILE_BYTES) {
        throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE,
            "the password file " + file + " is larger than " + MAX_PASSWORD_FILE_BYTES + " bytes; is it the right file?");
      }
      CharBuffer chars;
      try {
        chars = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE, "the password file " + file + " is not UTF-8 text");
      }
      int end = 0;
      while (end < chars.length() && chars.charAt(end) != '\n' && chars.charAt(end) != '\r') {
        end++;
      }
      char[] password = new char[end];
      chars.get(password, 0, end);
      Arrays.fill(chars.array(), '\0');
      if (password.length == 0) {
        throw new CliFailure(CliErrorCode.PASSWORD_UNAVAILABLE, ExitCode.USAGE,
            "the password file " + file + " is empty (its first line is the password)");
      }
      return password;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
