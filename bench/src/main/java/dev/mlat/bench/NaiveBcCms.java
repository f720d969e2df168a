package dev.mlat.bench;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * What most Java code does: BouncyCastle's streaming CMS generators and parsers on the
 * BouncyCastle provider, sign (SignedData, content encapsulated, ECDSA P-256) then encrypt
 * (AuthEnvelopedData, AES-256-GCM, ECDH key agreement) a file, and decrypt then verify it.
 *
 * <pre>java -cp ... dev.mlat.bench.NaiveBcCms FILE [rounds]</pre>
 * Prints {@code naive-bc op=seal round=N MBps=...} and {@code op=open}; writes FILE.bc.p7m and FILE.bc.out.
 */
public final class NaiveBcCms {
  private NaiveBcCms() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Security.addProvider(new BouncyCastleProvider());
    TestPki pki = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").build();
    TestCredential signer = pki.authority("FR-MOJ").signing();
    TestCredential recipient = pki.authority("FR-MOJ").encryption();
    Path sealed = file.resolveSibling(file.getFileName() + ".bc.p7m");
    Path opened = file.resolveSibling(file.getFileName() + ".bc.out");
    long size = Files.size(file);
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(sealed), 1 << 16)) {
        CMSAuthEnvelopedDataStreamGenerator env = new CMSAuthEnvelopedDataStreamGenerator();
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", "BC");
        kpg.initialize(new ECGenParameterSpec("P-256"));
        var ephemeral = kpg.generateKeyPair();
        env.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
            ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP).addRecipient(recipient.certificate()).setProvider("BC"));
        OutputStream encrypted = env.open(out, (org.bouncycastle.operator.OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).setProvider("BC").build());
        CMSSignedDataStreamGenerator gen = new CMSSignedDataStreamGenerator();
        gen.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider("BC")
            .build("SHA256withECDSA", signer.keyPair().getPrivate(), signer.certificate()));
        gen.addCertificates(new JcaCertStore(List.of(signer.certificate())));
        OutputStream signing = gen.open(encrypted, true);
        in.transferTo(signing);
        signing.close();
        encrypted.close();
      }
      report("seal", round, size, t0, start);
      t0 = System.nanoTime();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), 1 << 16);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(opened), 1 << 16)) {
        CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(in);
        RecipientInformation ri = parser.getRecipientInfos().getRecipients().iterator().next();
        CMSTypedStream content = ri.getContentStream(new JceKeyAgreeAuthEnvelopedRecipient(recipient.keyPair().getPrivate()).setProvider("BC"));
        CMSSignedDataParser sp = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().setProvider("BC").build(),
            content.getContentStream());
        sp.getSignedContent().getContentStream().transferTo(out);
        sp.getSignedContent().drain();
        for (SignerInformation si : sp.getSignerInfos().getSigners()) {
          if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(signer.certificate()))) {
            throw new IllegalStateException("signature invalid");
          }
        }
        content.drain();
      }
      report("open", round, size, t0, start);
    }
  }

  static void report(String op, int round, long size, long t0, long start) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "naive-bc op=%s round=%d bytes=%d seconds=%.3f MBps=%.0f sinceStart=%.3f%n", op, round, size, seconds,
        size / seconds / 1e6, (System.nanoTime() - start) / 1e9);
  }
}
