package dev.mlat.crypto.trust;

import dev.mlat.crypto.CryptoErrorCode;
import java.io.IOException;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;

/** Parsing of DER OCSPResponses. */
final class Ocsp {
  private Ocsp() {}

  /** The basic response of a successful OCSPResponse, or IllegalArgumentException saying what is wrong. */
  static BasicOCSPResp parse(byte[] der) {
    OCSPResp response;
    try {
      response = new OCSPResp(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a DER OCSPResponse: " + e.getMessage(), e);
    }
    if (response.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new IllegalArgumentException("OCSP response status is " + response.getStatus() + ", not successful (0)");
    }
    try {
      Object object = response.getResponseObject();
      if (!(object instanceof BasicOCSPResp)) {
        throw new IllegalArgumentException("OCSP response is not of type id-pkix-ocsp-basic");
      }
      return (BasicOCSPResp) object;
    } catch (OCSPException | RuntimeException e) {
      throw new IllegalArgumentException("OCSP basic response is malformed: " + e.getMessage(), e);
    }
  }

  static BasicOCSPResp parseForDirectory(byte[] der, String location) throws TrustDirectoryException {
    try {
      return parse(der);
    } catch (IllegalArgumentException e) {
      throw new TrustDirectoryException(CryptoErrorCode.CERTIFICATE_MALFORMED, location, e.getMessage(), e);
    }
  }
}
