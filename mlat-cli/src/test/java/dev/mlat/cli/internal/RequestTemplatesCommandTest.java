package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTemplatesCommandTest {

  @Test
  void listsEveryTemplateWithItsTitleOnePerLine() {
    var r = CliRun.run("request", "templates");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines()).hasSize(RequestTemplate.values().length);
    for (RequestTemplate t : RequestTemplate.values()) {
      assertThat(r.outLines()).anySatisfy(line -> assertThat(line).startsWith(t.templateName() + " ").endsWith(t.title()));
    }
    assertThat(r.out()).contains("Budapest Convention Art. 29", "EU Regulation 2023/1543");
  }

  @Test
  void takesNoArguments() {
    var r = CliRun.run("request", "templates", "extra");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: ");
  }
}
