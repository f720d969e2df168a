package dev.mlat.crypto.keys;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a PKCS#11 token is: the module (shared library) and the slot, by slot id or by index in
 * the module's slot list. Holds no PIN.
 *
 * @param name a short name for the SunPKCS11 provider instance (letters, digits, '-')
 * @param library the PKCS#11 module, for example {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slotId the slot id, or -1 to use {@code slotListIndex}
 * @param slotListIndex the index in the slot list, used when {@code slotId} is -1
 */
public record Pkcs11Settings(String name, Path library, long slotId, int slotListIndex) {

  /** Validates. */
  public Pkcs11Settings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(library, "library");
    if (!name.matches("[A-Za-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("provider name must be 1-40 letters, digits or '-', not '" + name + "'");
    }
    if (slotId < -1 || (slotId == -1 && slotListIndex < 0)) {
      throw new IllegalArgumentException("give a slot id >= 0 or a slot list index >= 0");
    }
    if (library.toString().contains("\n") || library.toString().contains("\"")) {
      throw new IllegalArgumentException("library path must not contain newlines or quotes");
    }
  }

  /** The token in slot {@code slotId}. */
  public static Pkcs11Settings slot(String name, Path library, long slotId) {
    return new Pkcs11Settings(name, library, slotId, -1);
  }

  /** The token at position {@code index} of the module's slot list. */
  public static Pkcs11Settings slotListIndex(String name, Path library, int index) {
    return new Pkcs11Settings(name, library, -1, index);
  }

  /** The SunPKCS11 configuration text; keys created or imported through it are sensitive and not extractable. */
  String sunPkcs11Configuration() {
    var b = new StringBuilder();
    b.append("name = ").append(name).append('\n');
    b.append("library = \"").append(library).append("\"\n");
    if (slotId >= 0) {
      b.append("slot = ").append(slotId).append('\n');
    } else {
      b.append("slotListIndex = ").append(slotListIndex).append('\n');
    }
    b.append("attributes(*, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n  CKA_TOKEN = true\n}\n");
    // ECDH decryption derives on the token: EC private keys need CKA_DERIVE.
    b.append("attributes(*, CKO_PRIVATE_KEY, CKK_EC) = {\n  CKA_DERIVE = true\n}\n");
    // The raw ECDH secret is a session object read back for the KDF in software (SunPKCS11 has no
    // ECDH with the CMS KDF); it never lands on the token and is wiped after use.
    b.append("attributes(generate, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n  CKA_TOKEN = false\n  CKA_SENSITIVE = false\n  CKA_EXTRACTABLE = true\n}\n");
    return b.toString();
  }
}
