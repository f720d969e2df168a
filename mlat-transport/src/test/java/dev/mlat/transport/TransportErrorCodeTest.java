package dev.mlat.transport;

import dev.mlat.core.testing.ErrorCatalogue;
import org.junit.jupiter.api.Test;

class TransportErrorCodeTest {

  @Test
  void everyTransportCodeIsDocumentedAndNothingElse() {
    ErrorCatalogue.assertDocumented("mlat-transport", TransportErrorCode.class);
  }
}
