package dev.mlat.core;

import dev.mlat.core.testing.ErrorCatalogue;
import org.junit.jupiter.api.Test;

class ErrorCatalogueTest {

  @Test
  void everyCoreCodeIsDocumentedAndNothingElse() {
    ErrorCatalogue.assertDocumented("mlat-core", CoreErrorCode.class);
  }
}
