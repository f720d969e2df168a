package dev.mlat.bench;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.VerifiedPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.KeyAgreement;

/**
 * Small packages: how many packages of a typical request (the sample French request, no
 * attachment) one thread seals and opens per second, next to the rate of the public-key
 * operations alone (ECDSA P-256 sign and verify, ECDH), on BouncyCastle's provider (what mlat uses)
 * and on the JDK's SunEC, so that the share of everything else shows. Run it pinned to one core
 * ({@code taskset -c 1}).
 *
 * <p>The JIT needs tens of seconds of this mixed work to settle on one core (the compiler threads
 * share it under {@code taskset}): packages per second kept rising past the third 15 s pass. Each
 * measurement therefore runs for {@code seconds} of the thread's CPU time, {@code passes} times,
 * and the figure reported as steady is the median of the last half of the passes.
 *
 * <p>The request is the sample French request with a summary of facts of about 5,400 characters,
 * so that its message.json is about 10 KB as issue 12 asks ({@code sample}: the sample as it is,
 * 4.7 KB, as measured before session 6).
 *
 * <pre>java -cp ... dev.mlat.bench.SmallPackages [seconds per measurement] [all|packages|pk] [passes] [10k|sample]</pre>
 */
public final class SmallPackages {
  private SmallPackages() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    String only = args.length > 1 ? args[1] : "all";
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    String size = args.length > 3 ? args[3] : "10k";
    Fixture fixture = fixture(size);
    Path work = fixture.work();
    PackageSealer sealer = fixture.sealer();
    PackageOpener opener = fixture.opener();
    RequestMessage sample = fixture.sample();
    Path packages = fixture.packages();
    Path outputs = Files.createDirectory(work.resolve("out"));
    Path one = fixture.one();
    System.out.printf(Locale.ROOT, "message.json %d bytes, package %d bytes, JDK %s%n", MlatJson.strict().writeMessage(sample).length,
        Files.size(one), System.getProperty("java.version"));

    if (only.equals("all") || only.equals("packages")) {
      var sealRates = new ArrayList<double[]>();
      var openRates = new ArrayList<double[]>();
      var memoryRates = new ArrayList<double[]>();
      for (int pass = 0; pass < passes; pass++) {
        double[] seal = timed(seconds, packages.resolve("pass-" + pass), false, (folder, n) -> {
          MessageHeader h = sample.header();
          var m = new RequestMessage(new MessageHeader(UUID.randomUUID(), h.requestId(), h.sender(), h.recipient(), h.createdAt()),
              sample.request());
          sealer.seal(m, List.of(), folder.resolve(n + ".mlat"));
        });
        double[] open = timed(seconds, outputs.resolve("pass-" + pass), true, (folder, n) -> {
          // the same package each time, so each open needs an output folder of its own (made
          // before the batch's clock starts: a mkdir per open is the benchmark's, not mlat's)
          if (!(opener.open(one, folder.resolve(Integer.toString(n))) instanceof VerifiedPackage)) {
            throw new IllegalStateException("not opened");
          }
        });
        // the same package opened in memory (PackageOpener.openInMemory): no folder, nothing written
        double[] inMemory = timed(seconds, outputs.resolve("memory-" + pass), false, (folder, n) -> {
          if (!(opener.openInMemory(one, folder) instanceof VerifiedPackage)) {
            throw new IllegalStateException("not opened");
          }
        });
        sealRates.add(seal);
        openRates.add(open);
        memoryRates.add(inMemory);
        System.out.printf(Locale.ROOT, "pass=%d load=%s packages per second, one thread: seal %.0f open %.0f (wall); per CPU-second of"
            + " that thread: seal %.0f open %.0f; per user-mode CPU-second (without the kernel's file-system work): seal %.0f open %.0f;"
            + " open in memory per CPU-second %.0f (user-mode %.0f)%n",
            pass, load(), seal[0], open[0], seal[1], open[1], seal[2], open[2], inMemory[1], inMemory[2]);
      }
      System.out.printf(Locale.ROOT, "steady (median of the last %d passes) per CPU-second: seal %.0f open %.0f; per user-mode"
          + " CPU-second: seal %.0f open %.0f; open in memory (openInMemory, no folder) %.0f (user-mode %.0f)%n", steadyPasses(passes),
          steady(sealRates, 1), steady(openRates, 1), steady(sealRates, 2), steady(openRates, 2), steady(memoryRates, 1),
          steady(memoryRates, 2));
    }
    if (only.equals("all") || only.equals("pk")) {
      Provider bc = dev.mlat.crypto.internal.Providers.bouncyCastle();
      Provider sun = java.security.Security.getProvider("SunEC");
      var sealMixes = new ArrayList<double[]>();
      var openMixes = new ArrayList<double[]>();
      for (int pass = 0; pass < passes; pass++) {
        double seal = sealMix(bc, seconds / 4, false);
        double open = openMix(bc, seconds / 4, false);
        double sealFresh = sealMix(bc, seconds / 4, true);
        double openFresh = openMix(bc, seconds / 4, true);
        sealMixes.add(new double[] {0, seal, sealFresh});
        openMixes.add(new double[] {0, open, openFresh});
        System.out.printf(Locale.ROOT, "pass=%d load=%s public-key operations of one package alone, per CPU-second of one thread:"
            + " seal %.0f (2 signatures, 1 key pair, 1 ECDH) open %.0f (2 verifications, 1 ECDH); with every public key decoded"
            + " afresh (before session 7): seal %.0f open %.0f%n", pass, load(), seal, open, sealFresh, openFresh);
      }
      System.out.printf(Locale.ROOT, "steady (median of the last %d passes) public-key operations alone per CPU-second: seal %.0f"
          + " open %.0f; with every public key decoded afresh: seal %.0f open %.0f%n", steadyPasses(passes), steady(sealMixes, 1),
          steady(openMixes, 1), steady(sealMixes, 2), steady(openMixes, 2));
      for (int pass = 0; pass < 2; pass++) {
        for (Provider p : List.of(bc, sun)) {
          System.out.printf(Locale.ROOT, "pass=%d load=" + load() + " %s P-256 operations per second: sign %.0f verify %.0f ecdh %.0f%n", pass, p.getName(),
              sign(p, seconds / 4), verify(p, seconds / 4), ecdh(p, seconds / 4));
        }
      }
    }
    PackageRun.deleteTree(work);
  }

  /**
   * What both small-package benchmarks start from: a French issuing authority and the German central
   * authority (test PKIs, one trust folder), a sealer and an opener as mlat's command wires them,
   * issue 12's request ({@code 10k}: about 10 KB of message.json; {@code sample}: the sample
   * request) without attachments, and one package of it sealed for the opener.
   */
  record Fixture(Path work, PackageSealer sealer, PackageOpener opener, RequestMessage sample, Path packages, Path one) {}

  static Fixture fixture(String size) throws Exception {
    Clock clock = Clock.systemUTC();
    AlgorithmPolicy policy = AlgorithmPolicy.defaultPolicy();
    PartyId fr = PackageRun.party("FR:FR-MOJ-BEPI");
    PartyId de = PackageRun.party("DE:DE-BFJ");
    TestPki frPki = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ-BEPI").build();
    TestPki dePki = TestPki.builder(Jurisdiction.of("DE")).authority("DE-BFJ").build();
    Path work = Files.createTempDirectory("mlat-small");
    Path trustFolder = work.resolve("trust");
    frPki.writeTo(trustFolder);
    dePki.writeTo(trustFolder);
    TrustVerifier trust = TrustVerifier.builder(TrustDirectory.load(trustFolder)).clock(clock).build();
    var signing = frPki.authority("FR-MOJ-BEPI").signing();
    CmsSigner signer = CmsSigner.builder(policy, clock)
        .signer(fr.jurisdiction(), KeyIdentity.of(signing.keyPair().getPrivate(), signing.chain()), frPki.algorithm().signatureAlgorithm())
        .build();
    PackageSealer sealer = PackageSealer.builder(policy, clock).issuer(fr, signer).trust(trust).build();
    var encryption = dePki.authority("DE-BFJ").encryption();
    PackageOpener opener = PackageOpener.builder(de, KeyRing.of(KeyIdentity.of(encryption.keyPair().getPrivate(), encryption.chain())),
        trust, new InMemorySeenMessageStore()).clock(clock).quarantine(work.resolve("quarantine")).requestLevel(Level.DRAFT).build();
    RequestMessage withReference = SampleMessages.request(); // refers to one attachment: dropped (no attachment here)
    var request = withReference.request().toBuilder().attachments(List.of());
    if (!size.equals("sample")) { // issue 12's typical request, about 10 KB of JSON: a summary of facts as long as they come
      CaseDescription cd = withReference.request().caseDescription().orElseThrow();
      request.caseDescription(new CaseDescription(Optional.of(summaryOfFacts(5400)), cd.offences(), cd.occurrences(),
          cd.necessityAndProportionality()));
    }
    RequestMessage sample = new RequestMessage(withReference.header(), request.build());
    Path packages = Files.createDirectory(work.resolve("packages"));
    Path one = packages.resolve("one.mlat");
    sealer.seal(sample, List.of(), one);
    return new Fixture(work, sealer, opener, sample, packages, one);
  }

  /** One operation, given the batch's folder and its index in the batch. */
  interface Op {
    void run(Path folder, int n) throws Exception;
  }

  /**
   * Each batch of this many operations writes into a folder of its own, so that no folder grows
   * with the length of the run. Nothing is deleted until the run ends: on ext4, creating a file or
   * folder soon after thousands were deleted makes the inode allocator check each recently freed
   * inode ({@code recently_deleted}, for 30 s), which took 40 % of the opening thread's time when
   * this benchmark emptied its folders between batches (perf, session 6).
   */
  static final int BATCH = 200;

  /**
   * Runs {@code op} in batches for about {@code seconds} of its thread's CPU time, each batch in a
   * new folder under {@code root}; with {@code subfolders}, that folder also gets one empty
   * subfolder per operation, named by its index, before the batch starts. Returns operations per
   * wall second, per CPU-second and per user-mode CPU-second, of the batches only (creating the
   * folders is not counted).
   */
  static double[] timed(double seconds, Path root, boolean subfolders, Op op) throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    // The operations run on a thread of their own, and the folders are made on this one. Linux
    // here accounts user and system time by ticks (CONFIG_TICK_CPU_ACCOUNTING) and reports a
    // thread's user time as its precise CPU time split in the proportion of all its ticks so far,
    // so an interval's user time follows the thread's whole history: on one thread that also
    // made the folders, or sealed before it opened, each measurement's user-mode figure was
    // blurred toward the others' (a SHA-256 loop showed 43 % user).
    var worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "measured"));
    try {
      long wall = 0;
      long cpu = 0;
      long user = 0;
      int n = 0;
      for (int batch = 0; cpu < seconds * 1e9; batch++) {
        Path folder = Files.createDirectories(root.resolve(Integer.toString(batch)));
        for (int i = 0; subfolders && i < BATCH; i++) {
          Files.createDirectory(folder.resolve(Integer.toString(i)));
        }
        long[] measured = worker.submit(() -> {
          long t0 = System.nanoTime();
          long c0 = threads.getCurrentThreadCpuTime();
          long u0 = threads.getCurrentThreadUserTime();
          for (int i = 0; i < BATCH; i++) {
            op.run(folder, i);
          }
          return new long[] {System.nanoTime() - t0, threads.getCurrentThreadCpuTime() - c0,
              threads.getCurrentThreadUserTime() - u0};
        }).get();
        wall += measured[0];
        cpu += measured[1];
        user += measured[2];
        n += BATCH;
      }
      return new double[] {n / (wall / 1e9), n / (cpu / 1e9), n / (user / 1e9)};
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    } finally {
      worker.shutdownNow();
    }
  }
  /** The passes counted as steady: the last half, at least one. */
  static int steadyPasses(int passes) {
    return Math.max(1, passes / 2);
  }

  /** The median of column {@code column} over the last half of the passes. */
  static double steady(List<double[]> passes, int column) {
    var last = passes.subList(passes.size() - steadyPasses(passes.size()), passes.size()).stream()
        .mapToDouble(r -> r[column]).sorted().toArray();
    return last.length % 2 == 1 ? last[last.length / 2] : (last[last.length / 2 - 1] + last[last.length / 2]) / 2;
  }

  /** A summary of facts of about {@code chars} characters, in the register of a real request. */
  static String summaryOfFacts(int chars) {
    String[] sentences = {
      "On 14 February 2026 at about 21:30 the information systems of a Paris hospital were encrypted by ransomware.",
      "The ransom note demanded payment in a cryptocurrency within 72 hours and threatened to publish patient records.",
      "Emergency admissions were diverted to other hospitals for three days; two operations were postponed.",
      "The note was uploaded to the hospital's file server from the IPv6 address 2001:db8:4f2a::17 at 21:37:05 Paris time.",
      "That address belongs to a range that Example Hosting GmbH, Frankfurt, assigns to its virtual private servers.",
      "The same address was seen in the logs of two other victims in France in January 2026 (procedures 26/0113 and 26/0187).",
      "Investigators of the Office anti-cybercriminalité identified a wallet to which part of an earlier ransom was paid.",
      "The subscriber data and connection logs held by the provider are needed to identify who rented the server.",
      "Without preservation, the provider deletes connection logs after 90 days, which would end this line of enquiry.",
    };
    var text = new StringBuilder(chars + 200);
    for (int i = 0; text.length() < chars; i++) {
      text.append(i == 0 ? "" : " ").append(sentences[i % sentences.length]);
    }
    return text.toString();
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static KeyPair keyPair(Provider p) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", p);
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /**
   * The public-key operations of one seal, as mlat does them: two ECDSA P-256 signatures with the
   * sealer's key (BouncyCastle's ECDSA on the cached curve domain, as {@code CmsSigner}), one
   * ephemeral key pair and one ECDH (BouncyCastle's provider, as {@code CmsEncryptor}) with the
   * recipient's public key. mlat holds the recipient's certificate, so its public-key object, and
   * BouncyCastle's precomputation for that point, serve every seal; with {@code freshKeys} the key
   * is decoded from its encoding for every seal instead (how this was measured before session 7;
   * for the seal it makes no difference: 2,339 against 2,345 per CPU-second, JDK 17). Seals per
   * CPU-second of the thread.
   */
  static double sealMix(Provider p, double seconds, boolean freshKeys) throws Exception {
    var x9 = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1");
    var domain = new org.bouncycastle.crypto.params.ECDomainParameters(x9);
    KeyPair signer = keyPair(p);
    var signingKey = new org.bouncycastle.crypto.params.ECPrivateKeyParameters(((java.security.interfaces.ECPrivateKey) signer.getPrivate()).getS(), domain);
    byte[] recipient = keyPair(p).getPublic().getEncoded();
    KeyFactory kf = KeyFactory.getInstance("EC", p);
    PublicKey recipientKey = kf.generatePublic(new X509EncodedKeySpec(recipient));
    KeyPairGenerator ephemeral = KeyPairGenerator.getInstance("EC", p);
    ephemeral.initialize(new ECGenParameterSpec("secp256r1"));
    KeyAgreement a = KeyAgreement.getInstance("ECDH", p);
    byte[] attributes = new byte[200];
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int n = 0;
    long c0 = threads.getCurrentThreadCpuTime();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < 2; i++) {
        var ecdsa = new org.bouncycastle.crypto.signers.DSADigestSigner(new org.bouncycastle.crypto.signers.ECDSASigner(),
            new org.bouncycastle.crypto.digests.SHA256Digest());
        ecdsa.init(true, signingKey);
        ecdsa.update(attributes, 0, attributes.length);
        ecdsa.generateSignature();
      }
      a.init(ephemeral.generateKeyPair().getPrivate());
      a.doPhase(freshKeys ? kf.generatePublic(new X509EncodedKeySpec(recipient)) : recipientKey, true);
      a.generateSecret();
      n++;
    }
    return n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
  }

  /**
   * The public-key operations of one open, as mlat does them: two ECDSA P-256 verifications
   * (header and message signatures) with the signer's public key, and one ECDH with the recipient's
   * private key and the ephemeral public key decoded from the message. mlat keeps a known signer's
   * parsed certificate ({@code ParsedCertificates}), so the same public-key object, and
   * BouncyCastle's precomputation for its point, serve every verification (about 2.3 times faster
   * than a key decoded afresh, JDK 17 here); the ephemeral key is new in every message. With
   * {@code freshKeys} the signer's key is decoded for every verification instead (how this was
   * measured before session 7, which overstated the public-key work). Opens per CPU-second of the
   * thread.
   */
  static double openMix(Provider p, double seconds, boolean freshKeys) throws Exception {
    KeyPair kp = keyPair(p);
    byte[] encoded = kp.getPublic().getEncoded();
    byte[] data = new byte[200];
    Signature s0 = Signature.getInstance("SHA256withECDSA", p);
    s0.initSign(kp.getPrivate());
    s0.update(data);
    byte[] sig = s0.sign();
    KeyPair recipient = keyPair(p);
    byte[] ephemeral = keyPair(p).getPublic().getEncoded();
    KeyFactory kf = KeyFactory.getInstance("EC", p);
    PublicKey signerKey = kf.generatePublic(new X509EncodedKeySpec(encoded));
    Signature reused = Signature.getInstance("SHA256withECDSA", p);
    KeyAgreement a = KeyAgreement.getInstance("ECDH", p);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int n = 0;
    long c0 = threads.getCurrentThreadCpuTime();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < 2; i++) {
        Signature s = freshKeys ? Signature.getInstance("SHA256withECDSA", p) : reused;
        s.initVerify(freshKeys ? kf.generatePublic(new X509EncodedKeySpec(encoded)) : signerKey);
        s.update(data);
        if (!s.verify(sig)) {
          throw new IllegalStateException();
        }
      }
      a.init(recipient.getPrivate());
      a.doPhase(kf.generatePublic(new X509EncodedKeySpec(ephemeral)), true);
      a.generateSecret();
      n++;
    }
    return n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
  }

  /** Signing with the same private key object (a sealer holds its key), 10 KB of content. */
  static double sign(Provider p, double seconds) throws Exception {
    PrivateKey key = keyPair(p).getPrivate();
    byte[] data = new byte[10_000];
    int n = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      Signature s = Signature.getInstance("SHA256withECDSA", p);
      s.initSign(key);
      s.update(data);
      s.sign();
      n++;
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** Verifying with a public key object decoded each time (as from a certificate in each message). */
  static double verify(Provider p, double seconds) throws Exception {
    KeyPair kp = keyPair(p);
    byte[] encoded = kp.getPublic().getEncoded();
    byte[] data = new byte[10_000];
    Signature s0 = Signature.getInstance("SHA256withECDSA", p);
    s0.initSign(kp.getPrivate());
    s0.update(data);
    byte[] sig = s0.sign();
    KeyFactory kf = KeyFactory.getInstance("EC", p);
    int n = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(encoded));
      Signature s = Signature.getInstance("SHA256withECDSA", p);
      s.initVerify(pub);
      s.update(data);
      if (!s.verify(sig)) {
        throw new IllegalStateException();
      }
      n++;
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** One key agreement with a public key object decoded each time (the recipient's side). */
  static double ecdh(Provider p, double seconds) throws Exception {
    KeyPair mine = keyPair(p);
    byte[] encoded = keyPair(p).getPublic().getEncoded();
    KeyFactory kf = KeyFactory.getInstance("EC", p);
    int n = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      KeyAgreement a = KeyAgreement.getInstance("ECDH", p);
      a.init(mine.getPrivate());
      a.doPhase(kf.generatePublic(new X509EncodedKeySpec(encoded)), true);
      a.generateSecret();
      n++;
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }
}
