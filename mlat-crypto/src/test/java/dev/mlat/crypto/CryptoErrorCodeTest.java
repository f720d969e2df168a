package dev.mlat.crypto;

import dev.mlat.core.testing.ErrorCatalogue;
import org.junit.jupiter.api.Test;

class CryptoErrorCodeTest {

  @Test
  void everyCryptoCodeIsDocumentedAndNothingElse() {
    ErrorCatalogue.assertDocumented("mlat-crypto", CryptoErrorCode.class);
  }
}
