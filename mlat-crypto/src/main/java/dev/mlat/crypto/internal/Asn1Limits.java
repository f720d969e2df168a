package dev.mlat.crypto.internal;

import java.security.Security;

/**
 * BouncyCastle's ASN.1 parser limits. BouncyCastle reads {@code org.bouncycastle.asn1.max_limit}
 * (the largest length an element may claim) and {@code org.bouncycastle.asn1.max_cons_depth} (the
 * deepest nesting) each time it opens an ASN.1 stream, from the security properties first and then
 * the system properties. When the host application set neither, this class sets the system
 * properties to the defaults below, so that a length claimed by hostile input cannot make the
 * parser allocate more than that, and deep nesting cannot exhaust the stack.
 */
public final class Asn1Limits {
  /** The property naming the largest length an ASN.1 element may claim. */
  public static final String MAX_LIMIT_PROPERTY = "org.bouncycastle.asn1.max_limit";
  /** The property naming the deepest nesting of constructed ASN.1 values. */
  public static final String MAX_DEPTH_PROPERTY = "org.bouncycastle.asn1.max_cons_depth";
  /** Default applied when unset: 128 MiB (CMS messages above this are segmented by the transport). */
  public static final String DEFAULT_MAX_LIMIT = "128m";
  /** Default applied when unset. */
  public static final String DEFAULT_MAX_DEPTH = "32";

  static {
    setIfAbsent(MAX_LIMIT_PROPERTY, DEFAULT_MAX_LIMIT);
    setIfAbsent(MAX_DEPTH_PROPERTY, DEFAULT_MAX_DEPTH);
  }

  private Asn1Limits() {}

  private static void setIfAbsent(String name, String value) {
    if (Security.getProperty(name) == null && System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /** True when a parser failure (anywhere in the cause chain) is one of BouncyCastle's length or nesting limits. */
  public static boolean isLimitFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("out of bounds length") || m.contains("max_cons_depth") || m.contains("nested construction")
          || m.contains("nesting") || t instanceof StackOverflowError || t instanceof BoundedInputStream.LimitExceededException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message of a parser failure, for error texts. */
  public static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t == e ? String.valueOf(m) : e.getMessage() + " (" + t.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ")";
  }

  /** Makes sure the defaults are in place (idempotent, thread-safe through class initialisation). */
  public static void ensureInstalled() {
    // The static initialiser does the work once.
  }
}
