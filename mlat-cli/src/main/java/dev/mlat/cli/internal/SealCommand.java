package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.AdditionalInformation;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.Pkcs11Token;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.SealedPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlat seal}: a request document (or a lifecycle message document) and its attachments into
 * a package for one recipient (docs/FORMAT.md), signed inside by the issuing authority's key and on
 * the header by the sending authority's.
 */
@Command(name = "seal", mixinStandardHelpOptions = true,
    description = {
        "Seal a request document (from 'mlat request new', complete at the issued level) or a lifecycle message "
            + "document into a package for the recipient: signed by --signer, encrypted for the recipient's "
            + "encryption certificate (from the trust directory, or --to-cert), header signed by --transport-signer "
            + "(default: --signer).",
        "A request document becomes a Request message from the signer's authority to --to, with a new message id. "
            + "Each --attach file must be one the message refers to (same SHA-256 and size: a request's attachments, "
            + "a response's evidence items); messages that refer to none may carry any."})
public final class SealCommand implements Callable<Integer> {


  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The request or lifecycle message document (JSON).")
  private Path file;

  @Option(names = "--attach", paramLabel = "PATH", description = "A file to attach (repeatable).")
  private List<Path> attachments = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "1")
  private SignerKey signerKey;

  static final class SignerKey {
    @Option(names = "--signer", paramLabel = "P12", required = true,
        description = "The issuing authority's signing key (PKCS#12, for example pki-fr/FR-MOJ-signing.p12).")
    Path p12;

    @ArgGroup(exclusive = false)
    Pkcs11Key pkcs11;

    /** What the password unlocks, as a prompt names it. */
    String what() {
      return p12 != null ? p12.toString() : "the token";
    }

    /**
     * The signing key, from the PKCS#12 file or from the token; a token is opened into
     * {@code token[0]}, which the caller closes.
     */
    KeyIdentity load(CliContext context, char[] password, Pkcs11Token[] token) throws Exception {
      if (p12 != null) {
        return Material.single("--signer", p12, Material.pkcs12(context, "--signer", p12, password));
      }
      token[0] = Material.pkcs11(pkcs11.config, password);
      return Material.byAlias(token[0].keyRing(), pkcs11.alias);
    }
  }

  static final class Pkcs11Key {
    @Option(names = "--pkcs11-config", paramLabel = "FILE", required = true,
        description = "A properties file naming the HSM: library=/usr/lib/softhsm/libsofthsm2.so and slot=ID or slotListIndex=N.")
    Path config;

    @Option(names = "--key-alias", paramLabel = "NAME", required = true, description = "The label of the signing key on the token.")
    String alias;
  }

  @Option(names = "--transport-signer", paramLabel = "P12",
      description = "The sending authority's signing key for the header (an authority of the same jurisdiction); default --signer.")
  private Path transportSigner;

  @Option(names = "--to", paramLabel = "PARTY", description = "The recipient, for example US:US-DOJ (required for a request document).")
  private String to;

  @Option(names = "--to-cert", paramLabel = "CERT",
      description = "The recipient's encryption certificate (PEM), instead of the one in the trust directory (still verified by it).")
  private Path toCertificate;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  private Path trustFolder;

  @Option(names = "--out", required = true, paramLabel = "PKG", description = "The package to write (.mlat).")
  private Path out;

  @Option(names = "--force", description = "Replace --out if it exists.")
  private boolean force;

  @Mixin
  private PasswordOptions passwords;

  /** Used by picocli. */
  public SealCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(context, err);
    OutputFiles.refuseExisting(out, force);
    byte[] document = Inputs.read(file, "the document");
    TrustVerifier trust = Material.trust(context, trustFolder);
    char[] password = passwords.source().read(context, signerKey.what());
    Pkcs11Token[] tokens = new Pkcs11Token[1];
    try {
      KeyIdentity signing = signerKey.load(context, password, tokens);
      PartyId issuer = Material.signingAuthority(trust, signing, "--signer");
      CmsSigner issuerSigner = Material.signer(context, issuer.jurisdiction(), signing);

      LifecycleMessage message = message(context, spec.commandLine().getOut(), file, document, issuer, to);
      PartyId recipient = message.header().recipient();
      List<AttachmentSource> sources = attachmentSources(message, attachments, progress);

      PackageSealer.Builder builder = PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), context.clock())
          .issuer(issuer, issuerSigner).trust(trust);
      if (transportSigner != null) {
        SendingAuthority sending = sendingAuthority(context, trust, transportSigner, password, issuer);
        builder.sendingAuthority(sending.party(), sending.signer());
      }
      if (toCertificate != null) {
        builder.recipientCertificate(recipient, pemCertificate(toCertificate));
      }
      progress.show("sealing " + file.getFileName() + "...");
      PackageSealer sealer = builder.build();
      SealedPackage sealed;
      try {
        sealed = OutputFiles.writeThenMove(out, force, target -> sealer.seal(message, sources, target));
      } catch (IllegalArgumentException e) {
        throw new CliFailure(CliErrorCode.ATTACHMENT_MISMATCH, ExitCode.INVALID_INPUT, e.getMessage(), e);
      }
      progress.done();
      PrintWriter o = spec.commandLine().getOut();
      o.println("Sealed " + sealed.messageType().wireName() + " " + sealed.messageId() + " from " + issuer + " to " + recipient
          + " (" + sources.size() + (sources.size() == 1 ? " attachment" : " attachments") + ", expires "
          + sealed.header().expires() + ") into " + out);
      o.println("  header digest " + sealed.headerSha256() + ", " + sealed.size() + " bytes");
      return ExitCode.OK.value();
    } finally {
      Arrays.fill(password, '\0');
      if (tokens[0] != null) {
        tokens[0].close();
      }
    }
  }

  /**
   * The message to seal: a lifecycle message document as it is, or a request document as a new
   * Request message from {@code issuer} to {@code to} (an option value, or null); a request must
   * pass the issued level (its problems are printed on {@code out}). Also used by {@code mlat send}.
   */
  static LifecycleMessage message(CliContext context, PrintWriter out, Path file, byte[] document, PartyId issuer, String to) {
    PartyId recipient = to == null ? null : Arguments.party("--to", to);
    LifecycleMessage message;
    Request request = null;
    try {
      message = CliJson.strict().readMessage(document);
    } catch (JsonInputException asMessage) {
      try {
        request = CliJson.strict().readRequest(document);
      } catch (JsonInputException asRequest) {
        JsonInputException shown = Inputs.looksLikeMessage(document) ? asMessage : asRequest;
        throw new CliFailure(shown.errorCode(), ExitCode.INVALID_INPUT, file + ": " + CliFailure.detailOf(shown), shown);
      }
      if (recipient == null) {
        throw CliFailure.usage("--to is required to seal a request document: name the recipient, for example --to US:US-DOJ");
      }
      var header = new MessageHeader(UUID.randomUUID(), request.id(), issuer, recipient,
          context.clock().instant().truncatedTo(ChronoUnit.SECONDS));
      message = new RequestMessage(header, request);
    }
    if (!message.header().sender().equals(issuer)) {
      throw CliFailure.usage("the message is from " + message.header().sender() + " but --signer is " + issuer + "'s key");
    }
    if (recipient != null && !message.header().recipient().equals(recipient)) {
      throw CliFailure.usage("--to " + recipient + " differs from the message's recipient " + message.header().recipient());
    }
    if (message instanceof RequestMessage r) {
      List<Problem> problems = context.requestChecks().check(r.request(), Level.ISSUED);
      if (!problems.isEmpty()) {
        for (Problem p : problems) {
          out.println(p.line());
        }
        out.flush();
        throw new CliFailure(CliErrorCode.REQUEST_INVALID, ExitCode.INVALID_INPUT, file + ": " + problems.size()
            + (problems.size() == 1 ? " problem" : " problems") + " at the issued level; nothing was sealed");
      }
    }
    return message;
  }

  /** The authority that signs the package header (--transport-signer), with its signer. */
  record SendingAuthority(PartyId party, CmsSigner signer) {}

  /**
   * The --transport-signer's authority and signer: registered in the trust directory, and of the
   * issuer's jurisdiction (a header is signed for the sending state).
   */
  static SendingAuthority sendingAuthority(CliContext context, TrustVerifier trust, Path p12, char[] password, PartyId issuer)
      throws Exception {
    KeyIdentity header = Material.single("--transport-signer", p12, Material.pkcs12(context, "--transport-signer", p12, password));
    PartyId sending = Material.signingAuthority(trust, header, "--transport-signer");
    if (!sending.jurisdiction().equals(issuer.jurisdiction())) {
      throw CliFailure.usage("--transport-signer: " + sending + " is not of the issuer's jurisdiction " + issuer.jurisdiction());
    }
    return new SendingAuthority(sending, Material.signer(context, sending.jurisdiction(), header));
  }

  /** A referenced attachment: id, media type, size, SHA-256. */
  record Reference(String id, String mediaType, long size, String sha256) {}

  /**
   * Pairs the --attach files with the attachments the message refers to. A file is paired by its
   * size when it is the only unused file of that size; only files that share a size with another
   * candidate are hashed here (a 1 GiB file is then read once, by the sealer, not twice). The
   * sealer compares every attachment's size and SHA-256 with the message's reference from the
   * bytes it sealed, so a file of the right size but other content is refused after sealing
   * (ATTACHMENT_MISMATCH, nothing written).
   */
  static List<AttachmentSource> attachmentSources(LifecycleMessage message, List<Path> attachments, Progress progress)
      throws IOException {
    List<Reference> references = references(message);
    List<Path> files = new ArrayList<>();
    for (Path a : attachments) {
      if (!Files.isRegularFile(a)) {
        throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--attach: " + a + ": no such file");
      }
      files.add(a);
    }
    List<AttachmentSource> sources = new ArrayList<>();
    if (references.isEmpty() && !refersToAttachments(message)) {
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        String type = Optional.ofNullable(Files.probeContentType(f)).map(t -> t.toLowerCase(java.util.Locale.ROOT))
            .filter(t -> t.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")).orElse("application/octet-stream");
        sources.add(source("A" + (i + 1), f, type, progress));
      }
      return sources;
    }
    String[] digests = new String[files.size()];
    boolean[] used = new boolean[files.size()];
    for (Reference r : references) {
      List<Integer> sameSize = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        if (!used[i] && sizeOf(files.get(i)) == r.size()) {
          sameSize.add(i);
        }
      }
      int found = -1;
      if (sameSize.size() == 1) {
        found = sameSize.get(0);
      } else {
        for (int i : sameSize) {
          if (digests[i] == null) {
            digests[i] = sha256(files.get(i), progress);
          }
          if (digests[i].equals(r.sha256())) {
            found = i;
            break;
          }
        }
      }
      if (found < 0) {
        throw new CliFailure(CliErrorCode.ATTACHMENT_MISMATCH, ExitCode.INVALID_INPUT, "the message refers to attachment " + r.id()
            + " (" + r.size() + " bytes, SHA-256 " + r.sha256() + ") and no --attach file has that content");
      }
      used[found] = true;
      sources.add(source(r.id(), files.get(found), r.mediaType(), progress));
    }
    for (int i = 0; i < files.size(); i++) {
      if (!used[i]) {
        throw new CliFailure(CliErrorCode.ATTACHMENT_MISMATCH, ExitCode.INVALID_INPUT, "--attach " + files.get(i)
            + " (SHA-256 " + (digests[i] != null ? digests[i] : sha256(files.get(i), progress))
            + ") is not among the attachments the message refers to; add it to the message "
            + "(a request's attachments, a response's evidence items) with its size and SHA-256");
      }
    }
    return sources;
  }

  private static AttachmentSource source(String id, Path f, String mediaType, Progress progress) {
    long size = sizeOf(f);
    return AttachmentSource.ofStream(id, f.getFileName().toString(), mediaType,
        () -> progress.counting(Files.newInputStream(f), "sealing " + f.getFileName(), size));
  }

  private static boolean refersToAttachments(LifecycleMessage message) {
    return message instanceof RequestMessage || message instanceof AdditionalInformation || message instanceof Response;
  }

  static List<Reference> references(LifecycleMessage message) {
    List<Reference> refs = new ArrayList<>();
    List<Attachment> attachmentRefs = List.of();
    if (message instanceof RequestMessage r) {
      attachmentRefs = r.request().attachments();
    } else if (message instanceof AdditionalInformation a) {
      attachmentRefs = a.attachments();
    } else if (message instanceof Response r) {
      for (EvidenceItem item : r.manifest().items()) {
        refs.add(new Reference(item.itemId(), item.mediaType(), item.sizeBytes(), item.sha256()));
      }
    }
    for (Attachment a : attachmentRefs) {
      refs.add(new Reference(a.attachmentId(), a.mediaType(), a.sizeBytes(), a.sha256()));
    }
    return refs;
  }

  private static long sizeOf(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read " + f, e);
    }
  }

  static String sha256(Path f, Progress progress) {
    try (InputStream in = progress.counting(Files.newInputStream(f), "hashing " + f.getFileName(), Files.size(f))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read " + f, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate pemCertificate(Path pem) throws MlatCryptoException {
    if (!Files.isRegularFile(pem)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--to-cert: " + pem + ": no such file");
    }
    return Inputs.certificate("--to-cert", pem);
  }
}
