package dev.mlat.cli.internal;

import dev.mlat.core.validation.RequestValidator;
import dev.mlat.crypto.CryptoWarmup;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@code mlat} process starts on background daemon threads before picocli parses its
 * arguments, chosen by the sub-command named on the command line: the BouncyCastle provider for
 * every command that uses keys or a trust directory, and for {@code seal} and {@code open} also the
 * segment engine's JIT warm-up and Hibernate Validator's bootstrap. Nothing for {@code --version},
 * {@code --help}, {@code request} ... Results never depend on it (the work would otherwise happen on
 * the main thread when first needed). Measured: docs/PERFORMANCE.md, "Fresh-process start-up
 * (session 3)". Off with the system property {@code mlat.warmup=false}.
 *
 * <p>{@link #train()} is for the {@code ./mlat} launcher's AppCDS training run (system property
 * {@code mlat.cds.training=true}): it loads, synchronously and without touching any file, the
 * classes that sealing, opening and verifying load, so that the class-data archive the launcher
 * writes from that run serves those commands and not only the command that happened to run first.
 */
public final class StartupWarmup {
  /** The work that can be started early. */
  enum Task {
    /** The BouncyCastle provider ({@link CryptoWarmup#provider()}). */
    PROVIDER,
    /** AES-GCM / SHA-256 on their compiled paths ({@link CryptoWarmup#bulkCrypto()}). */
    BULK_CRYPTO,
    /** Hibernate Validator's classes, which sealing a request and every package opener use. */
    VALIDATOR
  }

  private StartupWarmup() {}

  /** Starts the warm-up for these command-line arguments; returns at once. */
  public static void begin(String... args) {
    if ("false".equals(System.getProperty("mlat.warmup"))) {
      return;
    }
    Set<Task> tasks = tasksFor(List.of(args));
    if (tasks.contains(Task.BULK_CRYPTO)) {
      CryptoWarmup.bulkCrypto();
    }
    if (tasks.contains(Task.PROVIDER)) {
      CryptoWarmup.provider();
    }
    if (tasks.contains(Task.VALIDATOR)) {
      Thread thread = new Thread(StartupWarmup::validator, "mlat-validator-warmup");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Loads and initialises what seal, open and verify use (Jackson's mappers, Hibernate Validator,
   * the package, CMS, trust and segment classes); no file is read or written.
   * A failure only makes the archive smaller: it is swallowed.
   */
  public static void train() {
    try {
      dev.mlat.core.json.MlatJson.strict();
      new RequestValidator();
      Class<?>[] classes = {
          dev.mlat.transport.pkg.PackageSealer.class, dev.mlat.transport.pkg.PackageOpener.class,
          dev.mlat.transport.pkg.PackageGateway.class, dev.mlat.crypto.keys.Pkcs12KeyStore.class,
          dev.mlat.crypto.trust.TrustDirectory.class, dev.mlat.crypto.trust.TrustVerifier.class,
          dev.mlat.crypto.cms.CmsSigner.class, dev.mlat.crypto.cms.CmsDecryptor.class,
          dev.mlat.crypto.cms.CmsSignatureVerifier.class, dev.mlat.crypto.segment.SegmentedEncryptor.class,
          dev.mlat.crypto.segment.SegmentedDecryptor.class, SealCommand.class, OpenCommand.class, VerifyCommand.class};
      for (Class<?> c : classes) {
        Class.forName(c.getName(), true, c.getClassLoader());
      }
    } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
      // the archive is an optimisation; the training run still exits normally
    }
  }

  private static void validator() {
    try {
      new RequestValidator();
    } catch (RuntimeException e) {
      // the main thread builds its own validator and reports any failure there
    }
  }

  /** The tasks for a command line: by its first argument that is not an option. */
  static Set<Task> tasksFor(List<String> args) {
    Objects.requireNonNull(args, "args");
    String command = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
    switch (command) {
      case "seal":
      case "open":
        return EnumSet.allOf(Task.class);
      case "verify":
      case "receipt":
      case "relay":
      case "send":
      case "serve":
      case "ledger":
      case "demo":
      case "pki":
        return EnumSet.of(Task.PROVIDER);
      default:
        return EnumSet.noneOf(Task.class);
    }
  }
}
