package dev.mlat.crypto.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM writing and the PEM/DER sniffing the trust directory uses. */
public final class Pem {
  private Pem() {}

  /** PEM text of certificates, one block each. */
  public static String certificates(List<X509Certificate> certificates) {
    var out = new StringWriter();
    try (var w = new JcaPEMWriter(out)) {
      for (var c : certificates) {
        w.writeObject(new PemObject("CERTIFICATE", c.getEncoded()));
      }
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
    return out.toString();
  }

  /** PEM text of a CRL. */
  public static String crl(X509CRL crl) {
    var out = new StringWriter();
    try (var w = new JcaPEMWriter(out)) {
      w.writeObject(new PemObject("X509 CRL", crl.getEncoded()));
    } catch (IOException | CRLException e) {
      throw new IllegalStateException("cannot encode CRL", e);
    }
    return out.toString();
  }

  /** Writes certificates as PEM. */
  public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
    Files.writeString(file, certificates(certificates), StandardCharsets.US_ASCII);
  }

  /** Writes a private key as unencrypted PKCS#8 PEM. */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    var out = new StringWriter();
    try (var w = new JcaPEMWriter(out)) {
      w.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
    }
    Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
  }

  /**
   * The DER blocks of a PEM text with the given label, or the bytes themselves when they are not
   * PEM (DER). Bounded by the caller's size limit on {@code bytes}.
   *
   * @throws IllegalArgumentException when the text looks like PEM but a block is malformed, or
   *     holds blocks of another label
   */
  public static List<byte[]> derBlocks(byte[] bytes, String label) {
    if (bytes.length == 0 || bytes[0] == 0x30) {
      return List.of(bytes);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    var blocks = new ArrayList<byte[]>();
    int index = 0;
    while (true) {
      int b = text.indexOf("-----BEGIN ", index);
      if (b < 0) {
        break;
      }
      if (!text.startsWith(begin, b)) {
        int lineEnd = text.indexOf('\n', b);
        throw new IllegalArgumentException(
            "unexpected PEM block " + text.substring(b, lineEnd < 0 ? Math.min(text.length(), b + 40) : lineEnd).trim()
                + ", expected " + begin);
      }
      int e = text.indexOf(end, b);
      if (e < 0) {
        throw new IllegalArgumentException("PEM block without " + end);
      }
      String body = text.substring(b + begin.length(), e).replaceAll("\\s", "");
      try {
        blocks.add(Base64.getDecoder().decode(body));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("PEM block is not valid base64", ex);
      }
      index = e + end.length();
    }
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("neither DER nor a PEM block " + begin);
    }
    return blocks;
  }
}
