package dev.mlat.cli.internal;

import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs11Token;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The receiving authority's decryption key: {@code --key P12}, or a key on an HSM with
 * {@code --pkcs11-config FILE --key-alias NAME}.
 */
final class KeyOptions {

  @Option(names = "--key", paramLabel = "P12", description = "The encryption key (PKCS#12), for example pki-us/US-DOJ-encryption.p12.")
  Path p12;

  @Option(names = "--pkcs11-config", paramLabel = "FILE",
      description = "Instead of --key: a properties file naming the HSM (library=..., slot=ID or slotListIndex=N).")
  Path pkcs11Config;

  @Option(names = "--key-alias", paramLabel = "NAME", description = "With --pkcs11-config: the label of the key on the token.")
  String alias;

  /** The loaded key; close it to log out of a token. */
  static final class Loaded implements AutoCloseable {
    final KeyIdentity identity;
    private final Pkcs11Token token;

    Loaded(KeyIdentity identity, Pkcs11Token token) {
      this.identity = identity;
      this.token = token;
    }

    KeyRing ring() {
      return KeyRing.of(identity);
    }

    @Override
    public void close() {
      if (token != null) {
        token.close();
      }
    }
  }

  /** Checks the combination before anything is read. */
  void check() {
    if ((p12 == null) == (pkcs11Config == null)) {
      throw CliFailure.usage("give the key either as --key P12 or as --pkcs11-config FILE --key-alias NAME");
    }
    if ((pkcs11Config == null) != (alias == null)) {
      throw CliFailure.usage("--pkcs11-config and --key-alias go together");
    }
  }

  String describe() {
    return p12 != null ? p12.toString() : "the token of " + pkcs11Config;
  }

  Loaded load(CliContext context, char[] password) throws MlatCryptoException {
    check();
    if (p12 != null) {
      return new Loaded(Material.single("--key", p12, Material.pkcs12(context, "--key", p12, password)), null);
    }
    Pkcs11Token token = Material.pkcs11(pkcs11Config, password);
    try {
      return new Loaded(Material.byAlias(token.keyRing(), alias), token);
    } catch (RuntimeException e) {
      token.close();
      throw e;
    }
  }
}
