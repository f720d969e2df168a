package dev.mlat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.json.MlatJson;
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BuildRequestExampleTest {

  @Test
  void theExampleRequestIsCompleteUnderItsInstrument() throws Exception {
    var report = new RequestValidator().validate(BuildRequestExample.buildRequest(), Level.ISSUED, Locale.ENGLISH);
    assertThat(report.violations()).isEmpty();
  }

  @Test
  void mainPrintsTheRequestAsStrictJson() throws Exception {
    var captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      BuildRequestExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    var printed = MlatJson.strict().readRequest(captured.toByteArray());
    assertThat(printed).isEqualTo(BuildRequestExample.buildRequest());
  }
}
