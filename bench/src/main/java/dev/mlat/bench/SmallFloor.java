package dev.mlat.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor under the small-package target (issue 12): what the work of an open that is not
 * public-key work costs on this machine when done as leanly as the JDK and Jackson allow, step by
 * step, without any of mlat's checks. It answers whether "everything but the public-key
 * operations under 25 %" can be reached at all, and by which steps.
 *
 * <p>The steps, on the bytes of a real package and its 10 KB message.json:
 * <ol>
 *   <li>{@code read}: the package file read into memory (open, read, close);
 *   <li>{@code hash}: SHA-256 over the package's bytes and once more over message.json (the
 *       header digest, message.p7m's digest and the signed content's digest);
 *   <li>{@code gcm}: AES-256-GCM decryption of message.json's bytes with a reused JDK cipher;
 *   <li>{@code tokens}: one Jackson streaming pass over message.json's tokens (no objects);
 *   <li>{@code files}: the quarantine folder, message.json and message.p7s written into it, and the
 *       folder renamed into the output folder (mlat's output contract);
 *   <li>{@code bind}: message.json bound to mlat's classes ({@code MlatJson.readMessage}, with its
 *       strict checks) and {@code validate}: the request validated at the draft level: the two
 *       semantic steps mlat cannot skip, measured as mlat does them today.
 * </ol>
 *
 * <pre>java -cp ... dev.mlat.bench.SmallFloor [seconds per step] [passes]</pre>
 */
public final class SmallFloor {
  private SmallFloor() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 4;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path work = Files.createTempDirectory("mlat-floor");
    RequestMessage withReference = dev.mlat.core.testing.SampleMessages.request();
    var cd = withReference.request().caseDescription().orElseThrow();
    var request = withReference.request().toBuilder().attachments(List.of())
        .caseDescription(new dev.mlat.core.model.CaseDescription(java.util.Optional.of(SmallPackages.summaryOfFacts(5400)),
            cd.offences(), cd.occurrences(), cd.necessityAndProportionality()))
        .build();
    RequestMessage sample = new RequestMessage(withReference.header(), request);
    MlatJson json = MlatJson.strict();
    byte[] message = json.writeMessage(sample);
    byte[] p7s = new byte[message.length + 2_000];
    new SecureRandom().nextBytes(p7s);
    Path packageFile = work.resolve("one.mlat");
    byte[] packageBytes = new byte[message.length + 5_200];
    new SecureRandom().nextBytes(packageBytes);
    Files.write(packageFile, packageBytes);
    byte[] key = new byte[32];
    byte[] nonce = new byte[12];
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    byte[] sealed = gcm.doFinal(message);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    JsonFactory factory = new JsonFactory();
    RequestValidator validator = new RequestValidator();
    Path quarantine = Files.createDirectory(work.resolve("quarantine"));
    Path outputs = Files.createDirectory(work.resolve("out"));
    System.out.printf(Locale.ROOT, "message.json %d bytes, package %d bytes, JDK %s%n", message.length, packageBytes.length,
        System.getProperty("java.version"));

    List<String> names = List.of("read", "hash", "gcm", "tokens", "files", "bind", "validate");
    List<SmallPackages.Op> steps = List.of(
        (folder, n) -> Files.readAllBytes(packageFile),
        (folder, n) -> {
          sha.update(packageBytes);
          sha.digest();
          sha.update(message);
          sha.digest();
        },
        (folder, n) -> {
          gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
          gcm.doFinal(sealed);
        },
        (folder, n) -> {
          try (JsonParser p = factory.createParser(message)) {
            while (p.nextToken() != null) {
              // tokens only
            }
          }
        },
        (folder, n) -> {
          Path q = Files.createDirectory(quarantine.resolve(UUID.randomUUID().toString()));
          Files.write(q.resolve("message.json"), message);
          Files.write(q.resolve("message.p7s"), p7s);
          Files.move(q, folder.resolve(Integer.toString(n)).resolve("m"), StandardCopyOption.ATOMIC_MOVE);
        },
        (folder, n) -> json.readMessage(message),
        (folder, n) -> validator.validate(sample.request(), Level.DRAFT, Locale.ENGLISH));
    List<List<double[]>> rates = new ArrayList<>();
    names.forEach(x -> rates.add(new ArrayList<>()));
    for (int pass = 0; pass < passes; pass++) {
      StringBuilder line = new StringBuilder("pass=" + pass + " load=" + SmallPackages.load() + " microseconds of CPU (user) per step:");
      for (int i = 0; i < steps.size(); i++) {
        double[] r = SmallPackages.timed(seconds, work.resolve("s" + i + "-" + pass), names.get(i).equals("files"), steps.get(i));
        rates.get(i).add(r);
        line.append(String.format(Locale.ROOT, " %s %.1f (%.1f)", names.get(i), 1e6 / r[1], 1e6 / r[2]));
      }
      System.out.println(line);
    }
    StringBuilder steady = new StringBuilder("steady (median of the last " + SmallPackages.steadyPasses(passes)
        + " passes) microseconds of CPU (user) per step:");
    double total = 0;
    double totalUser = 0;
    for (int i = 0; i < steps.size(); i++) {
      double cpu = 1e6 / SmallPackages.steady(rates.get(i), 1);
      double user = 1e6 / SmallPackages.steady(rates.get(i), 2);
      total += cpu;
      totalUser += user;
      steady.append(String.format(Locale.ROOT, " %s %.1f (%.1f)", names.get(i), cpu, user));
    }
    steady.append(String.format(Locale.ROOT, "; all %.1f (%.1f)", total, totalUser));
    System.out.println(steady);
    PackageRun.deleteTree(work);
  }
}
