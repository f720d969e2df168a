package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsTest {

  @TempDir
  Path dir;

  @Test
  void thePasswordIsTheFirstLineOfTheFile() throws Exception {
    Path lf = Files.writeString(dir.resolve("lf"), "s3cret pässword\nsecond line\n");
    Path crlf = Files.writeString(dir.resolve("crlf"), "s3cret\r\n");
    Path bare = Files.writeString(dir.resolve("bare"), "s3cret");
    assertThat(new String(Passwords.fromFile(lf))).isEqualTo("s3cret pässword");
    assertThat(new String(Passwords.fromFile(crlf))).isEqualTo("s3cret");
    assertThat(new String(Passwords.fromFile(bare))).isEqualTo("s3cret");
  }

  @Test
  void anEmptyFirstLineIsRefused() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\nsecond");
    assertThatThrownBy(() -> Passwords.fromFile(empty)).isInstanceOfSatisfying(CliFailure.class, f -> {
      assertThat(f.errorCode()).isEqualTo(CliErrorCode.PASSWORD_UNAVAILABLE);
      assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(f.detail()).contains("is empty");
    });
  }

  @Test
  void aPasswordFileOverTheLimitIsRefused() throws Exception {
    Path atLimit = Files.writeString(dir.resolve("at"), "x".repeat(Passwords.MAX_PASSWORD_FILE_BYTES));
    assertThat(Passwords.fromFile(atLimit)).hasSize(Passwords.MAX_PASSWORD_FILE_BYTES);
    Path over = Files.writeString(dir.resolve("over"), "x".repeat(Passwords.MAX_PASSWORD_FILE_BYTES + 1));
    assertThatThrownBy(() -> Passwords.fromFile(over)).isInstanceOfSatisfying(CliFailure.class, f -> {
      assertThat(f.errorCode()).isEqualTo(CliErrorCode.PASSWORD_UNAVAILABLE);
      assertThat(f.detail()).contains("larger than 4096 bytes");
    });
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws Exception {
    Path latin1 = Files.write(dir.resolve("latin1"), "pässword".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Passwords.fromFile(latin1)).isInstanceOfSatisfying(CliFailure.class,
        f -> assertThat(f.detail()).contains("not UTF-8"));
  }

  @Test
  void aMissingFileIsFileNotFound() {
    assertThatThrownBy(() -> Passwords.fromFile(dir.resolve("nope"))).isInstanceOfSatisfying(CliFailure.class, f -> {
      assertThat(f.errorCode()).isEqualTo(CliErrorCode.FILE_NOT_FOUND);
      assertThat(f.exitCode()).isEqualTo(ExitCode.IO);
    });
  }

  @Test
  void theFileComesBeforeTheEnvironmentWhichComesBeforeThePrompt() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
    var context = new CliContext(CliRun.context().clock(), Map.of(CliContext.PASSWORD_VARIABLE, "from-env"),
        prompt -> Optional.of("from-prompt".toCharArray()), RequestChecks.STRICT_READING_ONLY);
    assertThat(new String(Passwords.forNewKeyStore(context, Optional.of(file), true).orElseThrow())).isEqualTo("from-file");
    assertThat(new String(Passwords.forNewKeyStore(context, Optional.empty(), true).orElseThrow())).isEqualTo("from-env");
    var noEnvironment = new CliContext(context.clock(), Map.of(), context.passwordPrompt(), context.requestChecks());
    assertThat(new String(Passwords.forNewKeyStore(noEnvironment, Optional.empty(), true).orElseThrow())).isEqualTo("from-prompt");
    assertThat(Passwords.forNewKeyStore(noEnvironment, Optional.empty(), false)).isEmpty();
  }

  @Test
  void anEmptyEnvironmentVariableIsRefused() {
    var context = CliRun.context(Map.of(CliContext.PASSWORD_VARIABLE, ""));
    assertThatThrownBy(() -> Passwords.forNewKeyStore(context, Optional.empty(), false))
        .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.detail()).contains("MLAT_PASSWORD is set but empty"));
  }

  @Test
  void generatedPasswordsAreLongAndDiffer() {
    char[] a = Passwords.generate();
    char[] b = Passwords.generate();
    assertThat(a).hasSize(24);
    assertThat(new String(a)).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(new String(b));
  }

  @Test
  void contextToStringNeverShowsTheEnvironment() {
    var context = CliRun.context(Map.of(CliContext.PASSWORD_VARIABLE, "hunter2"));
    assertThat(context.toString()).doesNotContain("hunter2").doesNotContain(CliContext.PASSWORD_VARIABLE);
  }
}
