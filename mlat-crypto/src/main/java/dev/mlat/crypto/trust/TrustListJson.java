package dev.mlat.crypto.trust;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Writes and strictly reads the JSON content of a signed trust list (docs/TRUST-LIST.md). */
final class TrustListJson {
  static final int SCHEMA_VERSION = 1;
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(JsonParser.Feature.ALLOW_COMMENTS)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(40).build());
  }

  private TrustListJson() {}

  /** The header a reader found, with the directory. */
  record Parsed(int schemaVersion, long sequenceNumber, Instant issuedAt, Instant nextUpdate, String publisher, TrustDirectory directory) {}

  static byte[] write(String publisher, long sequenceNumber, Instant issuedAt, Instant nextUpdate, TrustDirectory directory) {
    var f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("sequenceNumber", sequenceNumber);
    root.put("issuedAt", issuedAt.toString());
    root.put("nextUpdate", nextUpdate.toString());
    root.put("publisher", publisher);
    ArrayNode jurisdictions = root.putArray("jurisdictions");
    var codes = new TreeSet<Jurisdiction>(directory.jurisdictions());
    for (Jurisdiction j : codes) {
      ObjectNode jn = jurisdictions.addObject();
      jn.put("code", j.code());
      certificates(jn.putArray("anchors"), directory.anchors(j));
      certificates(jn.putArray("intermediates"), directory.intermediates(j));
      ArrayNode authorities = jn.putArray("authorities");
      directory.authorities(j).forEach((id, roles) -> {
        ObjectNode a = authorities.addObject();
        a.put("id", id.toString());
        ArrayNode r = a.putArray("roles");
        for (AuthorityRole role : new TreeSet<>(roles)) {
          r.add(role.jsonName());
        }
        var certs = directory.authorityCertificates(id);
        if (!certs.isEmpty()) {
          certificates(a.putArray("certificates"), certs);
        }
      });
    }
    certificates(root.putArray("timestampAnchors"), directory.timestampAnchors());
    ArrayNode crls = root.putArray("crls");
    for (var c : directory.storedCrls()) {
      crls.add(Base64.getEncoder().encodeToString(c.encoded()));
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a trust list", e);
    }
  }

  private static void certificates(ArrayNode out, List<X509Certificate> certs) {
    for (var c : certs) {
      try {
        out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded", e);
      }
    }
  }

  static Parsed read(byte[] content, TrustListLimits limits) throws MlatCryptoException {
    JsonNode doc;
    try {
      doc = JSON.readTree(content);
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
      throw malformed("$", "not strict JSON: " + why, e);
    }
    if (doc == null || !doc.isObject()) {
      throw malformed("$", "must be a JSON object", null);
    }
    onlyFields(doc, Set.of("schemaVersion", "sequenceNumber", "issuedAt", "nextUpdate", "publisher", "jurisdictions", "timestampAnchors", "crls"), "$");
    JsonNode version = required(doc, "schemaVersion", "$");
    if (!version.isIntegralNumber() || version.asLong() != SCHEMA_VERSION) {
      throw malformed("$.schemaVersion", "must be " + SCHEMA_VERSION, null);
    }
    JsonNode seq = required(doc, "sequenceNumber", "$");
    if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 0) {
      throw malformed("$.sequenceNumber", "must be an integer from 0 to 2^63-1", null);
    }
    Instant issuedAt = instant(doc, "issuedAt");
    Instant nextUpdate = instant(doc, "nextUpdate");
    if (!nextUpdate.isAfter(issuedAt)) {
      throw malformed("$.nextUpdate", "must be after issuedAt", null);
    }
    JsonNode publisher = required(doc, "publisher", "$");
    if (!publisher.isTextual() || publisher.textValue().isBlank() || publisher.textValue().length() > 200) {
      throw malformed("$.publisher", "must be a non-blank string of at most 200 characters", null);
    }

    var builder = TrustDirectory.builder();
    int[] certificates = {0};
    JsonNode jurisdictions = array(doc, "jurisdictions", "$");
    if (jurisdictions.size() > limits.maxJurisdictions()) {
      throw limit(jurisdictions.size() + " jurisdictions exceed maxJurisdictions " + limits.maxJurisdictions());
    }
    var seenJurisdictions = new HashSet<Jurisdiction>();
    var seenAuthorities = new HashSet<PartyId>();
    for (int i = 0; i < jurisdictions.size(); i++) {
      String path = "$.jurisdictions[" + i + "]";
      JsonNode jn = jurisdictions.get(i);
      if (!jn.isObject()) {
        throw malformed(path, "must be an object", null);
      }
      onlyFields(jn, Set.of("code", "anchors", "intermediates", "authorities"), path);
      JsonNode code = required(jn, "code", path);
      Jurisdiction jurisdiction;
      try {
        jurisdiction = Jurisdiction.parse(code.isTextual() ? code.textValue() : null);
      } catch (MlatCoreException e) {
        throw malformed(path + ".code", e.getMessage(), e);
      }
      if (!seenJurisdictions.add(jurisdiction)) {
        throw malformed(path + ".code", jurisdiction + " is listed twice", null);
      }
      JsonNode anchors = array(jn, "anchors", path);
      if (anchors.isEmpty()) {
        throw malformed(path + ".anchors", "a jurisdiction needs at least one anchor", null);
      }
      for (int k = 0; k < anchors.size(); k++) {
        var cert = certificate(anchors.get(k), path + ".anchors[" + k + "]", limits, certificates);
        try {
          builder.addAnchor(jurisdiction, cert);
        } catch (IllegalArgumentException e) {
          throw malformed(path + ".anchors[" + k + "]", e.getMessage(), e);
        }
      }
      if (jn.has("intermediates")) {
        JsonNode intermediates = array(jn, "intermediates", path);
        for (int k = 0; k < intermediates.size(); k++) {
          var cert = certificate(intermediates.get(k), path + ".intermediates[" + k + "]", limits, certificates);
          try {
            builder.addIntermediate(jurisdiction, cert);
          } catch (IllegalArgumentException e) {
            throw malformed(path + ".intermediates[" + k + "]", e.getMessage(), e);
          }
        }
      }
      JsonNode authorities = array(jn, "authorities", path);
      for (int k = 0; k < authorities.size(); k++) {
        String ap = path + ".authorities[" + k + "]";
        if (seenAuthorities.size() >= limits.maxAuthorities()) {
          throw limit("more than maxAuthorities " + limits.maxAuthorities() + " authorities");
        }
        JsonNode a = authorities.get(k);
        if (!a.isObject()) {
          throw malformed(ap, "must be an object with id, roles and optional certificates", null);
        }
        onlyFields(a, Set.of("id", "roles", "certificates"), ap);
        JsonNode idNode = required(a, "id", ap);
        PartyId id;
        try {
          id = PartyId.parse(idNode.isTextual() ? idNode.textValue() : null);
        } catch (MlatCoreException | RuntimeException e) {
          throw malformed(ap + ".id", "not a party identifier such as \"FR:FR-MOJ\"", e);
        }
        if (!id.jurisdiction().equals(jurisdiction)) {
          throw malformed(ap + ".id", id + " does not belong to " + jurisdiction, null);
        }
        if (!seenAuthorities.add(id)) {
          throw malformed(ap + ".id", id + " is listed twice", null);
        }
        JsonNode rolesNode = array(a, "roles", ap);
        var roles = EnumSet.noneOf(AuthorityRole.class);
        for (JsonNode r : rolesNode) {
          AuthorityRole role = null;
          for (var candidate : AuthorityRole.values()) {
            if (r.isTextual() && candidate.jsonName().equals(r.textValue())) {
              role = candidate;
            }
          }
          if (role == null || !roles.add(role)) {
            throw malformed(ap + ".roles", (role == null ? "unknown role" : "duplicate role") + "; use \"sign\", \"receive\", \"relay\", \"carry\"", null);
          }
        }
        if (roles.isEmpty()) {
          throw malformed(ap + ".roles", "needs at least one role", null);
        }
        builder.registerAuthority(id, roles);
        if (a.has("certificates")) {
          JsonNode certs = array(a, "certificates", ap);
          for (int m = 0; m < certs.size(); m++) {
            builder.addAuthorityCertificate(id, certificate(certs.get(m), ap + ".certificates[" + m + "]", limits, certificates));
          }
        }
      }
    }
    if (doc.has("timestampAnchors")) {
      JsonNode tsa = array(doc, "timestampAnchors", "$");
      for (int k = 0; k < tsa.size(); k++) {
        var cert = certificate(tsa.get(k), "$.timestampAnchors[" + k + "]", limits, certificates);
        try {
          builder.addTimestampAnchor(cert);
        } catch (IllegalArgumentException e) {
          throw malformed("$.timestampAnchors[" + k + "]", e.getMessage(), e);
        }
      }
    }
    if (doc.has("crls")) {
      JsonNode crls = array(doc, "crls", "$");
      if (crls.size() > limits.maxCrls()) {
        throw limit(crls.size() + " CRLs exceed maxCrls " + limits.maxCrls());
      }
      for (int k = 0; k < crls.size(); k++) {
        byte[] der = base64(crls.get(k), "$.crls[" + k + "]", limits.maxCrlBytes(), "maxCrlBytes");
        X509CRL crl;
        try {
          crl = Certificates.parseCrl(der);
        } catch (Exception e) {
          throw malformed("$.crls[" + k + "]", "not a DER X.509 CRL", e);
        }
        builder.addCrl(crl);
      }
    }
    return new Parsed(SCHEMA_VERSION, seq.asLong(), issuedAt, nextUpdate, publisher.textValue(), builder.build());
  }

  private static X509Certificate certificate(JsonNode node, String path, TrustListLimits limits, int[] count) throws MlatCryptoException {
    if (++count[0] > limits.maxCertificates()) {
      throw limit("more than maxCertificates " + limits.maxCertificates() + " certificates");
    }
    byte[] der = base64(node, path, limits.maxCertificateBytes(), "maxCertificateBytes");
    try {
      return Certificates.parseCertificate(der);
    } catch (Exception e) {
      throw malformed(path, "not a DER X.509 certificate", e);
    }
  }

  private static byte[] base64(JsonNode node, String path, int max, String limitName) throws MlatCryptoException {
    if (!node.isTextual()) {
      throw malformed(path, "must be a base64 string", null);
    }
    String text = node.textValue();
    if ((long) text.length() * 3 / 4 > max + 3L) {
      throw limit(path + " exceeds " + limitName + " " + max + " bytes");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed(path, "not standard base64 (RFC 4648, with padding, no line breaks)", e);
    }
    if (der.length > max) {
      throw limit(path + " exceeds " + limitName + " " + max + " bytes");
    }
    if (der.length == 0) {
      throw malformed(path, "is empty", null);
    }
    return der;
  }

  private static Instant instant(JsonNode doc, String field) throws MlatCryptoException {
    JsonNode n = required(doc, field, "$");
    if (!n.isTextual() || !n.textValue().endsWith("Z")) {
      throw malformed("$." + field, "must be an RFC 3339 UTC time such as \"2026-11-25T12:00:00Z\"", null);
    }
    try {
      return Instant.parse(n.textValue());
    } catch (DateTimeParseException e) {
      throw malformed("$." + field, "must be an RFC 3339 UTC time such as \"2026-11-25T12:00:00Z\"", e);
    }
  }

  private static JsonNode required(JsonNode node, String field, String path) throws MlatCryptoException {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      throw malformed(path + "." + field, "is missing", null);
    }
    return n;
  }

  private static JsonNode array(JsonNode node, String field, String path) throws MlatCryptoException {
    JsonNode n = required(node, field, path);
    if (!n.isArray()) {
      throw malformed(path + "." + field, "must be an array", null);
    }
    return n;
  }

  private static void onlyFields(JsonNode node, Set<String> allowed, String path) throws MlatCryptoException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw malformed(path, "unknown field \"" + field.substring(0, Math.min(field.length(), 40)).replaceAll("[^\\x20-\\x7e]", "?")
            + "\"; allowed: " + new TreeSet<>(allowed), null);
      }
    }
  }

  private static MlatCryptoException malformed(String path, String message, Throwable cause) {
    return new MlatCryptoException(CryptoErrorCode.TRUST_LIST_MALFORMED, path + ": " + message, cause);
  }

  private static MlatCryptoException limit(String message) {
    return new MlatCryptoException(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED, message);
  }
}
