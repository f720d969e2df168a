package dev.mlat.transport.pkg;

import dev.mlat.core.MlatException;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.SignatureExpectation;
import dev.mlat.crypto.cms.VerifiedSignature;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.internal.HeaderJson;
import dev.mlat.transport.pkg.internal.PackageFiles;
import dev.mlat.transport.pkg.internal.StrictJson;
import dev.mlat.transport.pkg.internal.ZipStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Gateway mode: stages 1 and 2 of the opening pipeline, and the part of stage 3 that needs neither a
 * key nor the reader's identity, without any key. Checks the package's ZIP structure and limits,
 * parses header.json and verifies header.p7s: a detached CAdES signature by an authority the trust
 * directory registers to sign for the header sender's jurisdiction (for a relayed package: by the
 * header's sender itself, registered with the relay role in the recipient's jurisdiction); then
 * that every entry is the one the signed header lists (name and size; message.p7m's SHA-256; every
 * entry's bytes against its ZIP CRC-32). A gateway can then route by the header; it learns nothing
 * of the content. Without a key it cannot prove that an attachment's ciphertext is the one signed
 * for: the recipient does, through the segment tags of the signed manifest (docs/FORMAT.md,
 * "Gateway mode").
 *
 * <pre>{@code
 * PackageGateway gateway = new PackageGateway(trustVerifier, clock, PackageLimits.defaults());
 * VerifiedHeader checked = gateway.verifyHeader(Path.of("in/5a3c....mlat"));   // PackageRejectedException
 * route(checked.header().recipient());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PackageGateway {
  private final TrustVerifier trust;
  private final AlgorithmPolicy policy;
  private final Clock clock;
  private final PackageLimits limits;

  /** A gateway trusting {@code trust} (its algorithm policy applies), under {@code limits}. */
  public PackageGateway(TrustVerifier trust, Clock clock, PackageLimits limits) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.policy = trust.algorithmPolicy();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Stages 1 and 2, then the entries against the signed header: names, sizes, message.p7m's SHA-256
   * and every entry's CRC-32 (the rules of stage 3 that need no reader identity; the recipient,
   * resend and validity rules are the opener's).
   *
   * @throws PackageRejectedException with stage STRUCTURE or HEADER_SIGNATURE, or ENTRIES with
   *     {@code PACKAGE_ENTRY_MISMATCH}
   * @throws MlatTransportException IO_FAILURE when the file cannot be read
   */
  public VerifiedHeader verifyHeader(Path packageFile) throws MlatTransportException {
    Checked checked = check(packageFile);
    try {
      VerifiedHeader verified = checked.verified();
      try {
        checkEntries(checked.header(), checked.structure());
        compareCrcs(checked.header(), checked.structure(), checked.structure().crcs());
        ZipStructure structure = checked.structure();
        checkMessageDigest(checked.header(), structure.readSmall(structure.entry(ZipStructure.MESSAGE_ENTRY)));
      } catch (PackageRejectedException e) {
        throw e.withPackage(checked.header(), verified.headerSha256());
      }
      return verified;
    } catch (IOException | UncheckedIOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "reading the package " + packageFile + " failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * Stages 1 and 2 without the pass over the entries' bytes: the structure, and {@code header.json}
   * signed by a trusted authority of its sender (or a registered relay), with the header digest
   * (the package's identity, which receipts name). Says nothing about whether the entries match the
   * header (stage 3), so it is for routing decisions (the HTTPS receiver's carriage rule, where the
   * opener checks the entries next) and for comparing a receipt with the package it names.
   *
   * @throws PackageRejectedException with stage STRUCTURE or HEADER_SIGNATURE
   * @throws MlatTransportException IO_FAILURE when the file cannot be read
   */
  public VerifiedHeader verifyHeaderSignature(Path packageFile) throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    try {
      ZipStructure structure = ZipStructure.read(packageFile, limits);
      Signed signed = checkSigned(structure);
      return new VerifiedHeader(signed.header(), signed.signer(), signed.headerSha256(), structure.fileSize());
    } catch (IOException | UncheckedIOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "reading the package " + packageFile + " failed: "
          + e.getMessage(), e);
    }
  }

  /** What stage 2 verified, and the header digest (the package's identity). */
  private record Signed(PackageHeader header, TrustReport signer, String headerSha256) {}

  private Signed checkSigned(ZipStructure structure) throws PackageRejectedException, IOException {
    structure.checkMimetype();
    byte[] headerBytes = structure.readSmall(structure.entry(ZipStructure.HEADER_ENTRY));
    byte[] signature = structure.readSmall(structure.entry(ZipStructure.SIGNATURE_ENTRY));
    PackageHeader header;
    try {
      header = HeaderJson.read(headerBytes, limits.maxEntries());
    } catch (StrictJson.Bad e) {
      throw new PackageRejectedException(TransportErrorCode.PACKAGE_HEADER_MALFORMED, PipelineStage.HEADER_SIGNATURE,
          "header.json: " + e.getMessage());
    }
    TrustReport signer = verifySignature(header, headerBytes, signature);
    return new Signed(header, signer, PackageFiles.sha256Hex(headerBytes));
  }

  /**
   * Stages 1 and 2 with the checked structure, for the opener: the header and its signer are
   * verified. The entries' CRC-32 are the caller's to compare: the opener takes them from the
   * bytes it reads anyway when the package opens, and from a pass over the file otherwise.
   */
  record Checked(ZipStructure structure, PackageHeader header, TrustReport signer, String headerSha256) {
    /** The verified header. */
    VerifiedHeader verified() {
      return new VerifiedHeader(header, signer, headerSha256, structure.fileSize());
    }
  }

  Checked check(Path packageFile) throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    try {
      ZipStructure structure = ZipStructure.read(packageFile, limits);
      Signed signed = checkSigned(structure);
      return new Checked(structure, signed.header(), signed.signer(), signed.headerSha256());
    } catch (IOException | UncheckedIOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "reading the package " + packageFile + " failed: "
          + e.getMessage(), e);
    }
  }

  private TrustReport verifySignature(PackageHeader header, byte[] headerBytes, byte[] signature)
      throws PackageRejectedException, IOException {
    boolean relayed = header.relayed();
    if (relayed && !header.sender().jurisdiction().equals(header.recipient().jurisdiction())) {
      throw new PackageRejectedException(TransportErrorCode.PACKAGE_RELAY_NOT_REGISTERED, PipelineStage.HEADER_SIGNATURE,
          "the relay " + header.sender() + " forwards to " + header.recipient() + " of another jurisdiction");
    }
    var verifier = new CmsSignatureVerifier(policy, trust.asSignerTrust(Set.of(relayed ? AuthorityRole.RELAY : AuthorityRole.SIGN)),
        clock, CmsLimits.defaults().withMaxMessageBytes(limits.maxHeaderSignatureBytes()));
    VerifiedSignature verified;
    try {
      verified = verifier.verifyDetached(new ByteArrayInputStream(signature), new ByteArrayInputStream(headerBytes),
          SignatureExpectation.oneSigner(header.sender().jurisdiction()));
    } catch (MlatCryptoException e) {
      String code = e.errorCode().code();
      if (relayed && (code.equals("AUTHORITY_ROLE_NOT_ALLOWED") || code.equals("AUTHORITY_NOT_REGISTERED"))) {
        throw new PackageRejectedException(TransportErrorCode.PACKAGE_RELAY_NOT_REGISTERED, PipelineStage.HEADER_SIGNATURE,
            "the trust directory does not register the header's signer as a relay of " + header.sender().jurisdiction(), e);
      }
      throw new PackageRejectedException(isTrustFailure(e) ? TransportErrorCode.PACKAGE_SENDER_UNTRUSTED
          : TransportErrorCode.PACKAGE_HEADER_SIGNATURE_INVALID, PipelineStage.HEADER_SIGNATURE,
          "header.p7s does not verify for " + header.sender() + ": " + e.getMessage(), e);
    }
    TrustReport report = verified.signers().get(0).trust();
    if (report.authority().isEmpty() || !report.authority().get().jurisdiction().equals(header.sender().jurisdiction())) {
      throw new PackageRejectedException(TransportErrorCode.PACKAGE_SENDER_UNTRUSTED, PipelineStage.HEADER_SIGNATURE,
          "header.p7s is not signed by an authority of " + header.sender().jurisdiction());
    }
    if (relayed && !report.authority().get().equals(header.sender())) {
      throw new PackageRejectedException(TransportErrorCode.PACKAGE_SENDER_UNTRUSTED, PipelineStage.HEADER_SIGNATURE,
          "a relayed package's header must be signed by the relay " + header.sender() + " itself, not " + report.authority().get());
    }
    return report;
  }

  /** Stage 3, the entries' names and sizes against the header (no reader identity needed). */
  static void checkEntries(PackageHeader header, ZipStructure structure) throws PackageRejectedException {
    List<ZipStructure.Entry> entries = listedEntries(structure);
    if (entries.size() != header.entries().size()) {
      throw new PackageRejectedException(TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES,
          "the header lists " + header.entries().size() + " entries, the package holds " + entries.size());
    }
    for (int i = 0; i < entries.size(); i++) {
      ZipStructure.Entry e = entries.get(i);
      HeaderEntry listed = header.entries().get(i);
      if (!listed.name().equals(e.name()) || listed.size() != e.size()) {
        throw new PackageRejectedException(TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES,
            "the header lists " + listed.name() + " of " + listed.size() + " bytes where the package holds " + e.name() + " of "
            + e.size() + " bytes");
      }
    }
  }

  static List<ZipStructure.Entry> listedEntries(ZipStructure structure) {
    return structure.entries().subList(1, structure.entries().size() - 2);
  }

  /** Stage 3, the entries' CRC-32: each entry's bytes against the CRC its ZIP records carry. */
  static void compareCrcs(PackageHeader header, ZipStructure structure, ZipStructure.Crcs computed)
      throws PackageRejectedException {
    for (ZipStructure.Entry e : structure.entries()) {
      Long crc = computed.crcs().get(e.name());
      if (crc == null || crc != e.crc()) {
        throw new PackageRejectedException(TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES, "the entry " + e.name()
            + " does not match its CRC-32: the package was damaged or altered");
      }
    }
  }

  /** Stage 3, message.p7m: its bytes against the SHA-256 the header lists. */
  static void checkMessageDigest(PackageHeader header, byte[] messageEntry) throws PackageRejectedException {
    HeaderEntry listed = header.entries().get(header.entries().size() - 1);
    String actual = PackageFiles.sha256Hex(messageEntry);
    if (!listed.name().equals(ZipStructure.MESSAGE_ENTRY) || !listed.sha256().orElse("").equals(actual)) {
      throw new PackageRejectedException(TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES, "the entry "
          + ZipStructure.MESSAGE_ENTRY + " does not match the SHA-256 the header lists");
    }
  }

  /** Whether a crypto failure is about trust in a certificate rather than the signature's form. */
  static boolean isTrustFailure(MlatException e) {
    String code = e.errorCode().code();
    return code.startsWith("CERTIFICATE_") || code.startsWith("AUTHORITY_") || code.startsWith("REVOCATION_")
        || code.equals("JURISDICTION_NOT_TRUSTED") || code.equals("TRUST_LIMIT_EXCEEDED") || code.startsWith("TIMESTAMP_AUTHORITY");
  }
}
