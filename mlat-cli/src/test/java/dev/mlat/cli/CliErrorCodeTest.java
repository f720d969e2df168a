package dev.mlat.cli;

import dev.mlat.core.testing.ErrorCatalogue;
import org.junit.jupiter.api.Test;

class CliErrorCodeTest {

  @Test
  void everyCodeIsDocumentedAndEveryDocumentedCodeExists() {
    ErrorCatalogue.assertDocumented("mlat-cli", CliErrorCode.class);
  }
}
