package dev.mlat.transport.receipt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.transport.pkg.internal.StrictJson;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.receipt.Receipt;
import dev.mlat.transport.receipt.ReceiptStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** Writes and strictly reads receipt.json (docs/FORMAT.md, "Receipts"). */
public final class ReceiptJson {
  /** The receipt format version: 2 names the package by its header digest (docs/FORMAT.md, "Receipts"). */
  static final int VERSION = 2;

  public static final String FORMAT = "mlat-receipt";
  /** The largest audit-head signature a receipt may carry (as receipts were read before the head types were one). */
  public static final int MAX_AUDIT_HEAD_SIGNATURE_BYTES = 16384;
  private static final Set<String> REQUIRED = Set.of("format", "formatVersion", "receiptId", "status", "headerSha256", "receiver",
      "received");
  private static final Set<String> OPTIONAL = Set.of("messageId", "sender", "errorCode", "stage", "auditHead");

  private ReceiptJson() {}

  public static byte[] write(Receipt r) {
    ObjectNode o = StrictJson.mapper().createObjectNode();
    o.put("format", FORMAT);
    o.put("formatVersion", VERSION);
    o.put("receiptId", r.receiptId().toString());
    o.put("status", r.status().wireName());
    r.messageId().ifPresent(id -> o.put("messageId", id.toString()));
    o.put("headerSha256", r.headerSha256());
    o.put("receiver", r.receiver().toString());
    r.sender().ifPresent(s -> o.put("sender", s.toString()));
    o.put("received", r.received().toString());
    r.errorCode().ifPresent(c -> o.put("errorCode", c));
    r.stage().ifPresent(s -> o.put("stage", s));
    r.auditHead().ifPresent(a -> {
      ObjectNode n = o.putObject("auditHead");
      n.put("sequence", a.sequence());
      n.put("sha256", a.entrySha256());
      n.put("signature", Base64.getEncoder().encodeToString(a.signature()));
    });
    try {
      String text = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o).replace("\r\n", "\n");
      return (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("writing JSON in memory failed", e);
    }
  }

  public static Receipt read(byte[] bytes) throws StrictJson.Bad {
    ObjectNode o = StrictJson.fields(StrictJson.parseObject(bytes), "$", REQUIRED, OPTIONAL);
    if (!FORMAT.equals(StrictJson.text(o, "format", "$")) || StrictJson.count(o, "formatVersion", "$") != VERSION) {
      throw new StrictJson.Bad("$: not an mlat-receipt of version " + VERSION);
    }
    String statusText = StrictJson.text(o, "status", "$");
    ReceiptStatus status;
    if (statusText.equals("accepted")) {
      status = ReceiptStatus.ACCEPTED;
    } else if (statusText.equals("rejected")) {
      status = ReceiptStatus.REJECTED;
    } else {
      throw new StrictJson.Bad("$.status: must be accepted or rejected");
    }
    Optional<AuditHead> head = Optional.empty();
    if (o.has("auditHead")) {
      JsonNode a = StrictJson.fields(o.get("auditHead"), "$.auditHead", Set.of("sequence", "sha256", "signature"), Set.of());
      byte[] signature;
      try {
        signature = Base64.getDecoder().decode(StrictJson.text(a, "signature", "$.auditHead"));
      } catch (IllegalArgumentException e) {
        throw new StrictJson.Bad("$.auditHead.signature: not base64");
      }
      if (signature.length > MAX_AUDIT_HEAD_SIGNATURE_BYTES) {
        throw new StrictJson.Bad("$.auditHead.signature: more than " + MAX_AUDIT_HEAD_SIGNATURE_BYTES + " bytes");
      }
      try {
        head = Optional.of(new AuditHead(StrictJson.count(a, "sequence", "$.auditHead"), StrictJson.sha256(a, "sha256", "$.auditHead"),
            signature));
      } catch (IllegalArgumentException e) {
        throw new StrictJson.Bad("$.auditHead: " + e.getMessage());
      }
    }
    Optional<String> code = o.has("errorCode") ? Optional.of(StrictJson.text(o, "errorCode", "$")) : Optional.empty();
    if (code.isPresent() && !code.get().matches("[A-Z][A-Z0-9_]{0,63}")) {
      throw new StrictJson.Bad("$.errorCode: not an error code");
    }
    Optional<Integer> stage = o.has("stage") ? Optional.of((int) Math.min(StrictJson.count(o, "stage", "$"), 99)) : Optional.empty();
    try {
      return new Receipt(StrictJson.uuid(o, "receiptId", "$"), status,
          o.has("messageId") ? Optional.of(StrictJson.uuid(o, "messageId", "$")) : Optional.empty(),
          StrictJson.sha256(o, "headerSha256", "$"), StrictJson.party(o, "receiver", "$"),
          o.has("sender") ? Optional.of(StrictJson.party(o, "sender", "$")) : Optional.empty(),
          StrictJson.instant(o, "received", "$"), code, stage, head);
    } catch (IllegalArgumentException e) {
      throw new StrictJson.Bad("$: " + e.getMessage());
    }
  }
}
