package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.AuthorityRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlat pki init}: a test PKI for one jurisdiction and one authority, written as a trust
 * folder to share ({@code DIR/trust/CC/}, the layout of docs/TRUST.md) and the authority's three
 * PKCS#12 files with their certificates as PEM beside them.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {
        "Create a TEST PKI for one jurisdiction (root CA, issuing CA, CRLs) with one authority's signing, "
            + "encryption and TLS keys. Test use only: the keys are generated here and the CA keys are discarded.",
        "Writes DIR/trust/CC/ (share it: anchors, CRLs, authorities.json, the authority's certificates), "
            + "DIR/trust/tsa/CC-root-ca.pem, and DIR/AUTHORITY-signing|encryption|tls.p12 with .pem certificate chains beside them.",
        "Copy the trust/ folders of several jurisdictions into one folder to get a trust directory for all of them.",
        "The PKCS#12 password comes from --password-file, the environment variable MLAT_PASSWORD, or "
            + "--password-prompt; without any, a random one is generated into DIR/AUTHORITY.password (test use only, with a warning)."})
public final class PkiInitCommand implements Callable<Integer> {

  /** The algorithm families offered on the command line. */
  enum Algorithm {
    EC_P256("ec-p256", PkiAlgorithm.ECDSA_P256),
    RSA_3072("rsa-3072", PkiAlgorithm.RSA_3072),
    ML_DSA_65("ml-dsa-65", PkiAlgorithm.ML_DSA_65);

    final String optionName;
    final PkiAlgorithm pkiAlgorithm;

    Algorithm(String optionName, PkiAlgorithm pkiAlgorithm) {
      this.optionName = optionName;
      this.pkiAlgorithm = pkiAlgorithm;
    }

    static Algorithm parse(String value) {
      for (Algorithm a : values()) {
        if (a.optionName.equals(value)) {
          return a;
        }
      }
      var names = new ArrayList<String>();
      for (Algorithm a : values()) {
        names.add(a.optionName);
      }
      throw CliFailure.usage("--algorithm: '" + printable(value) + "' is not one of " + names);
    }
  }

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Option(names = "--country", required = true, paramLabel = "CC",
      description = "The jurisdiction: ISO 3166-1 alpha-2 code (FR, US, XK) or international body (EUROJUST, EPPO).")
  private String country;

  @Option(names = "--authority", required = true, paramLabel = "ID",
      description = "The authority's identifier within the jurisdiction, for example FR-MOJ.")
  private String authority;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write to (created if missing).")
  private Path out;

  @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ec-p256",
      description = "ec-p256 (default), rsa-3072 or ml-dsa-65 (ML-DSA-65 signing, ML-KEM-768 encryption).")
  private String algorithm;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "A file whose first line is the PKCS#12 password.")
  private Path passwordFile;

  @Option(names = "--password-prompt", description = "Ask for the PKCS#12 password on the console.")
  private boolean passwordPrompt;

  @Option(names = "--relay", description = "Also register the authority with the relay role (a central authority that forwards "
      + "packages to executing authorities of its jurisdiction: mlat relay).")
  private boolean relay;

  @Option(names = "--force", description = "Replace this jurisdiction's trust folder and the authority's files if they exist.")
  private boolean force;

  /** Used by picocli. */
  public PkiInitCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Jurisdiction jurisdiction = Arguments.jurisdiction("--country", country);
    PartyId id = Arguments.authority("--authority", jurisdiction, authority);
    Algorithm alg = Algorithm.parse(algorithm);
    if (passwordFile != null && passwordPrompt) {
      throw CliFailure.usage("give either --password-file or --password-prompt, not both");
    }

    Path trustRoot = out.resolve("trust");
    Path trustFolder = trustRoot.resolve(jurisdiction.code());
    Path tsaAnchor = trustRoot.resolve("tsa").resolve(jurisdiction.code() + "-root-ca.pem");
    Map<String, Path> keyStores = new LinkedHashMap<>();
    for (String purpose : List.of("signing", "encryption", "tls")) {
      keyStores.put(purpose, out.resolve(id.identifier() + "-" + purpose + ".p12"));
    }
    var outputs = new ArrayList<Path>(List.of(trustFolder, tsaAnchor));
    for (Path p12 : keyStores.values()) {
      outputs.add(p12);
      outputs.add(pemBeside(p12));
    }
    Optional<char[]> given = Passwords.forNewKeyStore(context, Optional.ofNullable(passwordFile), passwordPrompt);
    // Also when a password is given: a generated password file left from an earlier run would no
    // longer open the new key stores, so it counts as an output (and --force removes it).
    Path passwordOut = out.resolve(id.identifier() + ".password");
    outputs.add(passwordOut);
    for (Path p : outputs) {
      OutputFiles.refuseExisting(p, force);
    }

    char[] password = given.orElseGet(Passwords::generate);
    try {
      TestPki pki = TestPki.builder(jurisdiction)
          .authority(id.identifier(), relay
              ? new AuthorityRole[] {AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY}
              : new AuthorityRole[] {AuthorityRole.SIGN, AuthorityRole.RECEIVE})
          .algorithm(alg.pkiAlgorithm)
          .clock(context.clock())
          .build();
      var a = pki.authority(id.identifier());
      Map<String, TestCredential> credentials = Map.of("signing", a.signing(), "encryption", a.encryption(), "tls", a.tls());
      try {
        Files.createDirectories(out);
        OutputFiles.deleteTree(trustFolder);
        pki.writeTo(trustRoot);
        Files.deleteIfExists(passwordOut);
        if (given.isEmpty()) {
          createOwnerOnly(passwordOut);
          Files.write(passwordOut, asciiLine(password));
        }
        for (var e : keyStores.entrySet()) {
          Path p12 = e.getValue();
          createOwnerOnly(p12);
          TestPki.writePkcs12(p12, password, Map.of(e.getKey(), credentials.get(e.getKey())));
          credentials.get(e.getKey()).writeChainPem(pemBeside(p12));
        }
      } catch (IOException e) {
        throw OutputFiles.ioFailure("cannot write the test PKI to " + out, e);
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println("Test PKI for " + jurisdiction.code() + " (" + alg.optionName + "), authority " + id
          + ", certificates valid until " + a.signing().certificate().getNotAfter().toInstant() + ":");
      o.println("  " + trustFolder + "/   share with the other side (anchors, CRLs, authorities.json, certificates)");
      o.println("  " + tsaAnchor + "   timestamping anchor");
      for (Path p12 : keyStores.values()) {
        o.println("  " + p12 + " (+ .pem)   private, test use only");
      }
      if (given.isEmpty()) {
        o.println("  " + passwordOut + "   the generated PKCS#12 password, private");
        PrintWriter err = spec.commandLine().getErr();
        err.println("mlat: warning: no password given (--password-file, " + CliContext.PASSWORD_VARIABLE
            + ", --password-prompt): generated one into " + passwordOut + "; test use only");
        err.flush();
      }
      return ExitCode.OK.value();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The generated password (ASCII) and a line end, without making a String of it. */
  private static byte[] asciiLine(char[] password) {
    byte[] line = new byte[password.length + 1];
    for (int i = 0; i < password.length; i++) {
      line[i] = (byte) password[i];
    }
    line[password.length] = '\n';
    return line;
  }

  private static Path pemBeside(Path p12) {
    String name = p12.getFileName().toString();
    return p12.resolveSibling(name.substring(0, name.length() - ".p12".length()) + ".pem");
  }

  /** Creates an empty file readable by its owner only (on POSIX file systems) before the key goes in. */
  private static void createOwnerOnly(Path file) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private static String printable(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
