package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.cli.ExitCode;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliTest {

  @Test
  void everyTransportCodeHasTheExitCodeDocsCliMdGivesIt() throws Exception {
    String cli = Files.readString(docs().resolve("CLI.md"), StandardCharsets.UTF_8);
    for (TransportErrorCode code : TransportErrorCode.values()) {
      ExitCode exit = Cli.exitCodeOf(new MlatTransportException(code, "x"));
      String name = code.code();
      if (name.startsWith("PACKAGE_") || name.startsWith("RECEIPT_") || name.startsWith("AUDIT_") || name.startsWith("BLOB_")
          || name.equals("EXCHANGE_DELIVERY_REFUSED") || name.equals("EXCHANGE_RECEIPT_INVALID")) {
        assertThat(exit).as(name).isEqualTo(ExitCode.VERIFICATION_FAILED);
      } else if (name.startsWith("HTTPS_") || name.startsWith("DROPBOX_") || name.startsWith("EXCHANGE_")) {
        assertThat(exit).as(name).isEqualTo(ExitCode.TRANSFER_FAILED);
      } else if (name.startsWith("LEDGER_") && !name.equals("LEDGER_RECORD_CONFLICT") || name.equals("IO_FAILURE")) {
        assertThat(exit).as(name).isEqualTo(ExitCode.IO);
        assertThat(cli).as("docs/CLI.md names " + name + " under exit 4").contains("`" + name + "`");
      } else {
        assertThat(exit).as(name).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(cli).as("docs/CLI.md names " + name + " under exit 1").contains("`" + name + "`");
      }
    }
  }

  private static Path docs() {
    Path d = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(d.resolve("docs"))) {
      d = d.getParent();
    }
    return d.resolve("docs");
  }
}
