package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingWorkloadTest {

  @TempDir
  Path parent;

  /** Every step (pki init, seal, verify, open) passes, and the folder it worked in is gone afterwards. */
  @Test
  void sealsVerifiesAndOpensForRealThenLeavesNothingBehind() throws Exception {
    assertThat(TrainingWorkload.run(parent)).isEmpty();
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }
}
