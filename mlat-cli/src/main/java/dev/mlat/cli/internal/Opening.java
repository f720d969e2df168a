package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.cms.VerifiedSigner;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.ReceivedAttachment;
import dev.mlat.transport.pkg.VerifiedPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a package through the whole pipeline of docs/FORMAT.md for one party, into a fresh
 * folder, and describes what was verified: the human summary of {@code mlat open} and the
 * {@code verification.json} kept beside the message.
 */
final class Opening {

  private Opening() {}

  /** A package opened into {@link #folder()} (message.json, message.p7s, attachments/ID), with its work folder. */
  record Opened(VerifiedPackage verified, Path folder, Path workFolder) implements AutoCloseable {
    @Override
    public void close() {
      OutputFiles.deleteTree(workFolder);
    }
  }

  /**
   * Opens {@code packageFile} as {@code self} into a work folder beside {@code near} (same file
   * system, so the verified folder can be moved into place atomically).
   */
  static Opened open(CliContext context, TrustVerifier trust, KeyRing keys, PartyId self, Path packageFile, Path near, Level level)
      throws MlatTransportException {
    if (!Files.isRegularFile(packageFile)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, packageFile + ": no such file");
    }
    Path parent = near.toAbsolutePath().getParent();
    Path work = parent.resolve(".mlat-open-" + UUID.randomUUID());
    boolean ok = false;
    try {
      Files.createDirectories(work.resolve("out"));
      PackageOpener opener = PackageOpener.builder(self, keys, trust, new InMemorySeenMessageStore())
          .clock(context.clock()).quarantine(work.resolve("quarantine")).requestLevel(level).build();
      OpenResult result = opener.open(packageFile, work.resolve("out"));
      if (!(result instanceof VerifiedPackage verified)) {
        throw new IllegalStateException("a fresh seen-id store reported a resend");
      }
      ok = true;
      return new Opened(verified, verified.folder(), work);
    } catch (IOException | UncheckedIOException e) {
      throw OutputFiles.ioFailure("cannot prepare a work folder in " + parent, e instanceof IOException io ? io
          : ((UncheckedIOException) e).getCause());
    } finally {
      if (!ok) {
        OutputFiles.deleteTree(work);
      }
    }
  }

  /** The issuing authority's signer (the first of a hybrid pair). */
  static VerifiedSigner issuerSigner(VerifiedPackage p) {
    return p.report().issuerSigners().get(0);
  }

  /** A few lines for a person: who signed, for which jurisdiction, when, what is asked, by when. */
  static List<String> summary(VerifiedPackage p) {
    List<String> lines = new ArrayList<>();
    PackageHeader h = p.header();
    LifecycleMessage m = p.message();
    VerifiedSigner signer = issuerSigner(p);
    TrustReport trust = signer.trust();
    lines.add(m.messageType().wireName() + " " + h.messageId() + " of request " + h.requestId() + ", from "
        + m.header().sender() + " to " + m.header().recipient() + (h.relayed() ? " (relayed by " + h.sender() + " to " + h.recipient() + ")" : ""));
    String when = signer.timestamp().map(t -> t.genTime() + " (trusted timestamp)")
        .orElse(signer.claimedSigningTime() + " (signer's clock)");
    lines.add("Signed by " + trust.authority().map(PartyId::toString).orElse("?") + " (" + commonName(signer) + "), trusted for "
        + trust.jurisdiction().code() + " (" + p.report().issuerSigners().size() + (p.report().issuerSigners().size() == 1 ? " signature" : " signatures")
        + ", " + signer.algorithm() + "), on " + when);
    if (m instanceof RequestMessage rm) {
      Request r = rm.request();
      List<String> measures = new ArrayList<>();
      for (Measure measure : r.measures()) {
        measures.add(words(measure.getClass().getSimpleName()));
      }
      lines.add("Asks for: " + String.join(", ", measures) + r.legalBasis().map(b -> " under " + words(b.instrument().name())
          + (b.articles().isEmpty() ? "" : " " + String.join(", ", b.articles()))).orElse(""));
      lines.add("By: " + r.deadline().map(Object::toString).orElse("no deadline") + ", urgency " + r.urgency().level().name().toLowerCase()
          + r.requestingReference().map(ref -> ", their reference " + ref).orElse(""));
    } else if (m instanceof Response resp) {
      lines.add("Delivers: " + resp.manifest().items().size() + " evidence item(s), " + resp.kind().name().toLowerCase() + " response");
    }
    for (ReceivedAttachment a : p.attachments()) {
      lines.add("Attachment " + a.id() + ": " + a.name() + " (" + a.mediaType() + ", " + a.size() + " bytes, SHA-256 " + a.sha256() + ")");
    }
    return lines;
  }

  private static String commonName(VerifiedSigner signer) {
    String dn = signer.certificate().getSubjectX500Principal().getName();
    for (String part : dn.split(",")) {
      if (part.startsWith("CN=")) {
        return part.substring(3);
      }
    }
    return dn;
  }

  /** {@code DataProduction} as "data production", {@code BUDAPEST_CONVENTION} as "budapest convention". */
  private static String words(String name) {
    return name.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }

  /** verification.json: what was checked, to keep with the message. */
  static byte[] verificationJson(VerifiedPackage p, Path folder) {
    var j = new StringBuilder();
    PackageHeader h = p.header();
    j.append("{\n");
    field(j, 1, "format", "mlat-verification").append(",\n");
    field(j, 1, "verifiedAt", p.report().verifiedAt().toString()).append(",\n");
    field(j, 1, "headerSha256", p.headerSha256()).append(",\n");
    j.append("  \"packageSize\" : ").append(p.packageSize()).append(",\n");
    j.append("  \"header\" : {\n");
    field(j, 2, "messageId", h.messageId().toString()).append(",\n");
    field(j, 2, "messageType", h.messageType().wireName()).append(",\n");
    field(j, 2, "requestId", h.requestId().toString()).append(",\n");
    field(j, 2, "sender", h.sender().toString()).append(",\n");
    field(j, 2, "recipient", h.recipient().toString()).append(",\n");
    h.originalSender().ifPresent(o -> field(j, 2, "originalSender", o.toString()).append(",\n"));
    field(j, 2, "created", h.created().toString()).append(",\n");
    field(j, 2, "expires", h.expires().toString()).append("\n");
    j.append("  },\n");
    j.append("  \"relayed\" : ").append(p.report().relayed()).append(",\n");
    j.append("  \"headerSigner\" : ");
    trust(j, p.report().headerSigner(), Optional.empty());
    j.append(",\n  \"issuerSigners\" : [");
    List<VerifiedSigner> signers = p.report().issuerSigners();
    for (int i = 0; i < signers.size(); i++) {
      VerifiedSigner s = signers.get(i);
      j.append(i == 0 ? " " : ", ");
      trust(j, s.trust(), Optional.of(s));
    }
    j.append(" ],\n  \"attachments\" : [");
    for (int i = 0; i < p.attachments().size(); i++) {
      ReceivedAttachment a = p.attachments().get(i);
      j.append(i == 0 ? " {\n" : ", {\n");
      field(j, 2, "id", a.id()).append(",\n");
      field(j, 2, "name", a.name()).append(",\n");
      field(j, 2, "mediaType", a.mediaType()).append(",\n");
      j.append("    \"size\" : ").append(a.size()).append(",\n");
      field(j, 2, "sha256", a.sha256()).append(",\n");
      field(j, 2, "file", "attachments/" + a.id()).append("\n  }");
    }
    j.append(p.attachments().isEmpty() ? "]\n}\n" : " ]\n}\n");
    return j.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void trust(StringBuilder j, TrustReport t, Optional<VerifiedSigner> signer) {
    j.append("{\n");
    field(j, 2, "authority", t.authority().map(PartyId::toString).orElse("")).append(",\n");
    field(j, 2, "jurisdiction", t.jurisdiction().code()).append(",\n");
    field(j, 2, "subject", t.certificate().getSubjectX500Principal().getName()).append(",\n");
    field(j, 2, "serialNumber", t.certificate().getSerialNumber().toString(16)).append(",\n");
    field(j, 2, "anchor", t.anchor().getSubjectX500Principal().getName()).append(",\n");
    field(j, 2, "validationTime", t.validationTime().toString()).append(",\n");
    field(j, 2, "policy", t.policyName()).append(",\n");
    j.append("    \"revocationEvidence\" : ").append(t.revocation().size()).append(",\n");
    j.append("    \"revocationSoftFail\" : ").append(t.softFail());
    if (signer.isPresent()) {
      VerifiedSigner s = signer.get();
      j.append(",\n");
      field(j, 2, "algorithm", s.algorithm().name()).append(",\n");
      field(j, 2, "claimedSigningTime", s.claimedSigningTime().toString());
      s.timestamp().ifPresent(ts -> {
        j.append(",\n");
        field(j, 2, "timestamp", ts.genTime().toString());
      });
    }
    j.append("\n  }");
  }

  private static StringBuilder field(StringBuilder j, int depth, String name, String value) {
    j.append("  ".repeat(depth)).append('"').append(name).append("\" : ");
    return quote(j, value);
  }

  /** A JSON string literal. */
  static StringBuilder quote(StringBuilder j, String value) {
    j.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        j.append('\\').append(c);
      } else if (c < 0x20) {
        j.append(String.format("\\u%04x", (int) c));
      } else {
        j.append(c);
      }
    }
    return j.append('"');
  }
}
