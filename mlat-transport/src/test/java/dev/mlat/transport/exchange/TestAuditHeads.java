package dev.mlat.transport.exchange;

import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditHeadVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * TEST-ONLY audit-head signing with a plain JDK Ed25519 key kept in a directory (no PKI), so the
 * crash test's child processes start fast. Production signs with {@code CmsAuditHeadSigner}.
 */
public final class TestAuditHeads {
  private TestAuditHeads() {}

  /** The signer whose key lives in {@code dir} (created on first use, atomically). */
  public static AuditHeadSigner signer(Path dir, String name) throws IOException, GeneralSecurityException {
    KeyPair keys = keys(dir);
    return new AuditHeadSigner() {
      @Override
      public byte[] sign(byte[] content) throws MlatTransportException {
        try {
          Signature s = Signature.getInstance("Ed25519");
          s.initSign(keys.getPrivate());
          s.update(content);
          return s.sign();
        } catch (GeneralSecurityException e) {
          throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE, "test signer: " + e, e);
        }
      }

      @Override
      public String signer() {
        return name;
      }
    };
  }

  /** The verifier for the key in {@code dir}. */
  public static AuditHeadVerifier verifier(Path dir) throws IOException, GeneralSecurityException {
    PublicKey key = keys(dir).getPublic();
    return head -> {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(head.signedContent());
        if (!s.verify(head.signature())) {
          throw new MlatTransportException(TransportErrorCode.AUDIT_ANCHOR_INVALID,
              "the signature of audit head " + head.sequence() + " does not verify");
        }
      } catch (GeneralSecurityException e) {
        throw new MlatTransportException(TransportErrorCode.AUDIT_ANCHOR_INVALID,
            "the signature of audit head " + head.sequence() + " does not verify: " + e, e);
      }
    };
  }

  private static synchronized KeyPair keys(Path dir) throws IOException, GeneralSecurityException {
    Path privateFile = dir.resolve("head-key.pk8");
    Path publicFile = dir.resolve("head-key.pub");
    if (!Files.exists(publicFile)) {
      Files.createDirectories(dir);
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Path tmp1 = dir.resolve(".head-key.pk8.tmp");
      Path tmp2 = dir.resolve(".head-key.pub.tmp");
      Files.write(tmp1, pair.getPrivate().getEncoded());
      Files.write(tmp2, pair.getPublic().getEncoded());
      Files.move(tmp1, privateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp2, publicFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    KeyFactory f = KeyFactory.getInstance("Ed25519");
    return new KeyPair(f.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))),
        f.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))));
  }
}
