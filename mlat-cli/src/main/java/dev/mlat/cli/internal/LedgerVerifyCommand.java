package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditHeadVerifier;
import dev.mlat.transport.ledger.AuditVerification;
import dev.mlat.transport.ledger.CmsAuditHeadVerifier;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlat ledger verify}: the audit chain of an SQLite ledger, and the heads it signed. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "Check the audit trail of an SQLite exchange ledger (docs/LEDGER.md): every entry's digest, its link to the "
            + "previous one, no sequence missing. With --trust and --jurisdiction also every audit head the node "
            + "signed (its signature, trusted for the jurisdiction, and that the chain still holds its digest).",
        "An edited, deleted or reordered entry is AUDIT_CHAIN_BROKEN, a rewritten chain under a signed head "
            + "AUDIT_ANCHOR_INVALID, a chain cut back past a head AUDIT_CHAIN_TRUNCATED (exit 5). Entries after the "
            + "last signed head are reported: only anchors kept outside the database (the heads in the receipts the "
            + "partners hold) can prove they were not cut off.",
        "Opens the ledger only to read; the node must not be running (an SQLite ledger is single-process)."})
public final class LedgerVerifyCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEDGER", description = "The ledger's SQLite database file.")
  private Path database;

  @Option(names = "--blobs", paramLabel = "DIR", description = "The ledger's blob folder (default: 'blobs' beside the database).")
  private Path blobs;

  @Option(names = "--trust", paramLabel = "DIR", description = "The trust directory, to verify the signed audit heads.")
  private Path trustFolder;

  @Option(names = "--jurisdiction", paramLabel = "CC", description = "With --trust: the jurisdiction the node signs its heads for.")
  private String jurisdiction;

  /** Used by picocli. */
  public LedgerVerifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatTransportException, MlatCryptoException {
    if (!Files.isRegularFile(database)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, database + ": no such ledger file");
    }
    if ((trustFolder == null) != (jurisdiction == null)) {
      throw CliFailure.usage("--trust and --jurisdiction go together");
    }
    AuditHeadVerifier verifier = head -> {
      throw new MlatTransportException(TransportErrorCode.AUDIT_ANCHOR_INVALID, "no trust directory given to verify audit heads");
    };
    if (trustFolder != null) {
      Jurisdiction j = Arguments.jurisdiction("--jurisdiction", jurisdiction);
      TrustVerifier trust = Material.trust(context, trustFolder);
      verifier = new CmsAuditHeadVerifier(new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), context.clock(),
          CmsLimits.defaults()), j);
    }
    Path blobFolder = blobs != null ? blobs : database.toAbsolutePath().resolveSibling("blobs");
    try (Ledger ledger = Ledger.open(LedgerSettings.sqlite(database, blobFolder), context.clock(), READ_ONLY)) {
      List<AuditHead> heads = trustFolder == null ? List.of() : ledger.recordedAuditHeads();
      AuditVerification v = ledger.verifyAuditTrail(heads, verifier);
      PrintWriter o = spec.commandLine().getOut();
      o.println("OK: " + database + ": audit trail of " + v.entries() + (v.entries() == 1 ? " entry" : " entries")
          + " intact (digests, links, no gap); head #" + v.headSequence() + " " + v.headSha256());
      if (trustFolder != null) {
        o.println("  " + v.anchorsChecked() + " signed heads verified" + v.lastAnchoredSequence().map(s -> ", the last at #" + s).orElse("")
            + " (the node's own copies: the heads in the partners' receipts are the anchors that count)");
      }
      o.println("  " + v.unanchoredEntries() + " entries after the last signed head"
          + (trustFolder == null ? " (give --trust and --jurisdiction to check the signed heads)" : ""));
      return ExitCode.OK.value();
    }
  }

  /** This command only reads: a head is never signed. */
  static final AuditHeadSigner READ_ONLY = new AuditHeadSigner() {
    @Override
    public byte[] sign(byte[] content) throws MlatTransportException {
      throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE, "mlat ledger verify opens the ledger read-only");
    }

    @Override
    public String signer() {
      return "mlat ledger verify (read-only)";
    }
  };
}
