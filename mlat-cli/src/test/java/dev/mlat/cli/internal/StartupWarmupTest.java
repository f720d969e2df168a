package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.cli.internal.StartupWarmup.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupWarmupTest {

  @Test
  void sealAndOpenWarmEverythingKeyCommandsTheProviderTinyCommandsNothing() {
    assertThat(StartupWarmup.tasksFor(List.of("seal", "request.json", "--attach", "a.bin"))).containsExactlyInAnyOrder(Task.values());
    assertThat(StartupWarmup.tasksFor(List.of("--verbose", "open", "p.mlat"))).containsExactlyInAnyOrder(Task.values());
    for (String command : List.of("verify", "receipt", "relay", "send", "serve", "ledger", "demo", "pki")) {
      assertThat(StartupWarmup.tasksFor(List.of(command, "x"))).as(command).containsExactly(Task.PROVIDER);
    }
    assertThat(StartupWarmup.tasksFor(List.of("--version"))).isEmpty();
    assertThat(StartupWarmup.tasksFor(List.of("--help"))).isEmpty();
    assertThat(StartupWarmup.tasksFor(List.of("request", "validate", "seal.json"))).isEmpty();
    assertThat(StartupWarmup.tasksFor(List.of())).isEmpty();
  }

  @Test
  void beginningTwiceOrWithoutACommandIsHarmless() {
    StartupWarmup.begin("verify");
    StartupWarmup.begin("verify");
    StartupWarmup.begin();
  }
}
