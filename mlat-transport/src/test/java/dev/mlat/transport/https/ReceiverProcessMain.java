package dev.mlat.transport.https;

import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A receiver in its own JVM for {@link HttpsReceiverKillTest}: args trust folder, store folder,
 * key PEM (PKCS#8), chain PEM, hand-over log. Every hand-over is appended to the log (forced to
 * disk) with no deduplication of its own, so the log shows what the HTTPS layer handed over.
 * Prints {@code PORT <n>} when listening, then runs until killed.
 */
public final class ReceiverProcessMain {
  private ReceiverProcessMain() {}

  public static void main(String[] args) throws Exception {
    Path trust = Path.of(args[0]);
    Path store = Path.of(args[1]);
    PrivateKey key = readKey(Path.of(args[2]));
    List<X509Certificate> chain = readChain(Path.of(args[3]));
    Path log = Path.of(args[4]);
    IncomingPackages incoming = (peer, file, sha256) -> {
      synchronized (ReceiverProcessMain.class) {
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
          out.write(ByteBuffer.wrap((sha256 + "\n").getBytes(StandardCharsets.US_ASCII)));
          out.force(true);
        } catch (java.io.IOException e) {
          throw new dev.mlat.transport.MlatTransportException(dev.mlat.transport.TransportErrorCode.IO_FAILURE, e.getMessage(), e);
        }
      }
      return Answer.receipt(HttpsFixture.receiptOf(sha256));
    };
    var verifier = TrustVerifier.builder(TrustDirectory.load(trust)).build();
    var receiver = HttpsReceiver.builder(verifier, TlsIdentity.of(key, chain), incoming, HttpsFixture.ROUTING, store).build();
    receiver.start();
    System.out.println("PORT " + receiver.address().getPort());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static PrivateKey readKey(Path pem) throws Exception {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(b64);
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static List<X509Certificate> readChain(Path pem) throws Exception {
    var out = new ArrayList<X509Certificate>();
    try (InputStream in = Files.newInputStream(pem)) {
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
    }
    return out;
  }
}
