package dev.mlat.crypto.trust;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.internal.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Reads trust folders, keystores and authorities.json strictly and within {@link TrustLimits}. */
final class TrustFiles {
  private static final Set<String> CERTIFICATE_EXTENSIONS = Set.of(".pem", ".crt", ".cer", ".der");
  private static final Set<String> CRL_EXTENSIONS = Set.of(".crl", ".pem", ".der");
  private static final Set<String> OCSP_EXTENSIONS = Set.of(".ocsp", ".der");
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.ALLOW_COMMENTS)
      .build();

  private final TrustDirectory.Builder builder;
  private final TrustLimits limits;
  private Path root;
  private int filesInFolder;

  TrustFiles(TrustDirectory.Builder builder, TrustLimits limits) {
    this.builder = builder;
    this.limits = limits;
  }

  void loadFolder(Path folder) throws TrustDirectoryException {
    root = folder;
    if (!Files.isDirectory(folder)) {
      throw invalid(folder, "is not a folder; a trust folder holds one sub-folder per jurisdiction (docs/TRUST.md)", null);
    }
    int jurisdictions = 0;
    for (Path entry : list(folder)) {
      String name = entry.getFileName().toString();
      if (ignored(name)) {
        continue;
      }
      if (!Files.isDirectory(entry)) {
        throw invalid(entry, "unexpected file at the top of the trust folder: only jurisdiction folders, tsa/ and README files belong here", null);
      }
      if (name.equals("tsa")) {
        filesInFolder = 0;
        for (Path file : filesOf(entry, CERTIFICATE_EXTENSIONS)) {
          for (var cert : certificates(file)) {
            try {
              builder.addTimestampAnchor(cert);
            } catch (IllegalArgumentException e) {
              throw invalid(file, e.getMessage(), e);
            }
          }
        }
        continue;
      }
      Jurisdiction jurisdiction;
      try {
        jurisdiction = Jurisdiction.parse(name);
      } catch (MlatCoreException e) {
        throw invalid(entry, "folder name is not a jurisdiction code (FR, XK, EUROJUST ...) nor tsa", e);
      }
      if (++jurisdictions > limits.maxJurisdictions()) {
        throw limit(entry, "more than maxJurisdictions " + limits.maxJurisdictions() + " jurisdiction folders");
      }
      loadJurisdiction(entry, jurisdiction);
    }
  }

  private void loadJurisdiction(Path dir, Jurisdiction jurisdiction) throws TrustDirectoryException {
    filesInFolder = 0;
    for (Path entry : list(dir)) {
      String name = entry.getFileName().toString();
      if (ignored(name)) {
        continue;
      }
      switch (name) {
        case "anchors":
          for (Path file : filesOf(entry, CERTIFICATE_EXTENSIONS)) {
            for (var cert : certificates(file)) {
              try {
                builder.addAnchor(jurisdiction, cert);
              } catch (IllegalArgumentException e) {
                throw invalid(file, e.getMessage(), e);
              }
            }
          }
          break;
        case "intermediates":
          for (Path file : filesOf(entry, CERTIFICATE_EXTENSIONS)) {
            for (var cert : certificates(file)) {
              try {
                builder.addIntermediate(jurisdiction, cert);
              } catch (IllegalArgumentException e) {
                throw invalid(file, e.getMessage(), e);
              }
            }
          }
          break;
        case "authorities":
          for (Path file : filesOf(entry, CERTIFICATE_EXTENSIONS)) {
            for (var cert : certificates(file)) {
              builder.addAuthorityCertificate(authorityOf(file, cert, jurisdiction), cert);
            }
          }
          break;
        case "crls":
          for (Path file : filesOf(entry, CRL_EXTENSIONS)) {
            byte[] bytes = read(file, limits.maxCrlBytes(), "maxCrlBytes");
            try {
              for (byte[] der : Pem.derBlocks(bytes, "X509 CRL")) {
                builder.addCrl(Certificates.parseCrl(der));
              }
            } catch (Exception e) {
              throw new TrustDirectoryException(CryptoErrorCode.CERTIFICATE_MALFORMED, rel(file), "not a CRL in PEM or DER: " + e.getMessage(), e);
            }
          }
          break;
        case "ocsp":
          for (Path file : filesOf(entry, OCSP_EXTENSIONS)) {
            byte[] bytes = read(file, limits.maxOcspResponseBytes(), "maxOcspResponseBytes");
            Ocsp.parseForDirectory(bytes, rel(file));
            builder.addOcspResponse(bytes);
          }
          break;
        case "authorities.json":
          loadAuthoritiesJson(entry, jurisdiction, rel(entry));
          countFile(entry);
          break;
        default:
          throw invalid(entry, "unexpected entry in a jurisdiction folder: expected anchors/, intermediates/, authorities/, crls/, ocsp/, authorities.json", null);
      }
    }
  }

  void loadAuthoritiesJson(Path file, Jurisdiction expected, String location) throws TrustDirectoryException {
    byte[] bytes = read(file, limits.maxAuthoritiesJsonBytes(), "maxAuthoritiesJsonBytes");
    JsonNode doc;
    try {
      doc = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, "not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : e.getMessage()), e);
    }
    if (doc == null || !doc.isObject()) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, "must be a JSON object with jurisdiction and authorities", null);
    }
    onlyFields(doc, Set.of("jurisdiction", "authorities"), location, "$");
    JsonNode j = doc.get("jurisdiction");
    if (j == null || !j.isTextual()) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, "$.jurisdiction must be a string such as \"FR\"", null);
    }
    Jurisdiction jurisdiction;
    try {
      jurisdiction = Jurisdiction.parse(j.textValue());
    } catch (MlatCoreException e) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, "$.jurisdiction: " + e.getMessage(), e);
    }
    if (expected != null && !expected.equals(jurisdiction)) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location,
          "$.jurisdiction is " + jurisdiction + " but the file is in the folder of " + expected, null);
    }
    JsonNode list = doc.get("authorities");
    if (list == null || !list.isArray()) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, "$.authorities must be an array", null);
    }
    if (list.size() > limits.maxAuthoritiesPerJurisdiction()) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, location,
          list.size() + " authorities exceed maxAuthoritiesPerJurisdiction " + limits.maxAuthoritiesPerJurisdiction(), null);
    }
    var seen = new HashSet<PartyId>();
    for (int i = 0; i < list.size(); i++) {
      String path = "$.authorities[" + i + "]";
      JsonNode a = list.get(i);
      if (!a.isObject()) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, path + " must be an object with id and roles", null);
      }
      onlyFields(a, Set.of("id", "roles"), location, path);
      JsonNode idNode = a.get("id");
      if (idNode == null || !idNode.isTextual()) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, path + ".id must be a string such as \"FR:FR-MOJ\"", null);
      }
      PartyId id;
      try {
        id = PartyId.parse(idNode.textValue());
      } catch (MlatCoreException e) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, path + ".id: " + e.getMessage(), e);
      }
      if (!id.jurisdiction().equals(jurisdiction)) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location,
            path + ".id " + id + " does not belong to " + jurisdiction, null);
      }
      if (!seen.add(id)) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location, path + ".id " + id + " is listed twice", null);
      }
      JsonNode rolesNode = a.get("roles");
      if (rolesNode == null || !rolesNode.isArray() || rolesNode.isEmpty()) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location,
            path + ".roles must be a non-empty array of \"sign\", \"receive\", \"relay\", \"carry\"", null);
      }
      var roles = EnumSet.noneOf(AuthorityRole.class);
      for (JsonNode r : rolesNode) {
        AuthorityRole role = null;
        for (var candidate : AuthorityRole.values()) {
          if (r.isTextual() && candidate.jsonName().equals(r.textValue())) {
            role = candidate;
          }
        }
        if (role == null || !roles.add(role)) {
          throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location,
              path + ".roles: " + (role == null ? "unknown role " + r : "duplicate role " + r)
                  + "; use \"sign\", \"receive\", \"relay\", \"carry\"", null);
        }
      }
      builder.registerAuthority(id, roles);
    }
  }

  void loadKeyStore(Path file, char[] password) throws TrustDirectoryException {
    read(file, limits.maxKeyStoreBytes(), "maxKeyStoreBytes");
    KeyStore store;
    try {
      store = KeyStore.getInstance(file.toFile(), password);
    } catch (Exception e) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, file.toString(),
          "cannot open the keystore (PKCS#12 or JKS; wrong password?): " + e.getMessage(), e);
    }
    try {
      var jurisdictions = new HashSet<Jurisdiction>();
      int entries = 0;
      for (var aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (++entries > limits.maxFilesPerJurisdiction() * 4) {
          throw new TrustDirectoryException(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, file.toString(), "too many keystore entries", null);
        }
        if (!store.isCertificateEntry(alias)) {
          throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, file + "#" + alias,
              "is a key entry; a trust store holds trusted certificates only", null);
        }
        int dot = alias.indexOf('.');
        String prefix = (dot < 0 ? alias : alias.substring(0, dot)).toUpperCase(Locale.ROOT);
        X509Certificate cert = Certificates.normalize((X509Certificate) store.getCertificate(alias));
        if (prefix.equals("TSA")) {
          builder.addTimestampAnchor(cert);
          continue;
        }
        if (dot < 0 || !Jurisdiction.isKnown(prefix)) {
          throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, file + "#" + alias,
              "alias must start with a jurisdiction code and a dot (fr.root, eurojust.root) or tsa.", null);
        }
        var jurisdiction = Jurisdiction.of(prefix);
        if (jurisdictions.add(jurisdiction) && jurisdictions.size() > limits.maxJurisdictions()) {
          throw new TrustDirectoryException(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, file.toString(),
              "more than maxJurisdictions " + limits.maxJurisdictions() + " jurisdictions", null);
        }
        builder.addAnchor(jurisdiction, cert);
      }
    } catch (TrustDirectoryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, file.toString(), e.getMessage(), e);
    } catch (Exception e) {
      throw new TrustDirectoryException(CryptoErrorCode.CERTIFICATE_MALFORMED, file.toString(), "unreadable entry: " + e.getMessage(), e);
    }
  }

  private PartyId authorityOf(Path file, X509Certificate cert, Jurisdiction jurisdiction) throws TrustDirectoryException {
    var values = Certificates.organizationIdentifiers(cert);
    if (values.size() != 1) {
      throw invalid(file, "an authority certificate needs exactly one subject organizationIdentifier (2.5.4.97) JURISDICTION:IDENTIFIER, found "
          + values.size(), null);
    }
    try {
      var id = PartyId.parse(values.get(0));
      if (!id.jurisdiction().equals(jurisdiction)) {
        throw invalid(file, "certificate of " + id + " is in the folder of " + jurisdiction, null);
      }
      return id;
    } catch (MlatCoreException e) {
      throw invalid(file, "organizationIdentifier is not a party identifier: " + e.getMessage(), e);
    }
  }

  private List<X509Certificate> certificates(Path file) throws TrustDirectoryException {
    byte[] bytes = read(file, limits.maxCertificateFileBytes(), "maxCertificateFileBytes");
    List<byte[]> blocks;
    try {
      blocks = Pem.derBlocks(bytes, "CERTIFICATE");
    } catch (IllegalArgumentException e) {
      throw new TrustDirectoryException(CryptoErrorCode.CERTIFICATE_MALFORMED, rel(file), e.getMessage(), e);
    }
    if (blocks.size() > limits.maxCertificatesPerFile()) {
      throw limit(file, blocks.size() + " certificates exceed maxCertificatesPerFile " + limits.maxCertificatesPerFile());
    }
    var out = new ArrayList<X509Certificate>();
    for (byte[] der : blocks) {
      try {
        out.add(Certificates.parseCertificate(der));
      } catch (Exception e) {
        throw new TrustDirectoryException(CryptoErrorCode.CERTIFICATE_MALFORMED, rel(file), "not an X.509 certificate: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private List<Path> filesOf(Path dir, Set<String> extensions) throws TrustDirectoryException {
    if (!Files.isDirectory(dir)) {
      throw invalid(dir, "must be a folder", null);
    }
    var out = new ArrayList<Path>();
    for (Path file : list(dir)) {
      String name = file.getFileName().toString();
      if (ignored(name)) {
        continue;
      }
      if (!Files.isRegularFile(file)) {
        throw invalid(file, "sub-folders are not allowed here", null);
      }
      String lower = name.toLowerCase(Locale.ROOT);
      int dot = lower.lastIndexOf('.');
      if (dot < 0 || !extensions.contains(lower.substring(dot))) {
        throw invalid(file, "unexpected file name: expected one of " + new java.util.TreeSet<>(extensions), null);
      }
      countFile(file);
      out.add(file);
    }
    return out;
  }

  private void countFile(Path file) throws TrustDirectoryException {
    if (++filesInFolder > limits.maxFilesPerJurisdiction()) {
      throw limit(file, "more than maxFilesPerJurisdiction " + limits.maxFilesPerJurisdiction() + " files in this folder");
    }
  }

  private List<Path> list(Path dir) throws TrustDirectoryException {
    try (Stream<Path> s = Files.list(dir)) {
      var out = new ArrayList<Path>();
      Iterator<Path> it = s.iterator();
      int cap = limits.maxFilesPerJurisdiction() + limits.maxJurisdictions() + 16;
      while (it.hasNext()) {
        out.add(it.next());
        if (out.size() > cap) {
          throw limit(dir, "more than " + cap + " entries in one folder");
        }
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw invalid(dir, "cannot list: " + e.getMessage(), e);
    }
  }

  private byte[] read(Path file, int max, String limitName) throws TrustDirectoryException {
    try {
      if (Files.size(file) > max) {
        throw limit(file, Files.size(file) + " bytes exceed " + limitName + " " + max);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
          throw limit(file, "more than " + limitName + " " + max + " bytes");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw invalid(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void onlyFields(JsonNode node, Set<String> allowed, String location, String path) throws TrustDirectoryException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, location,
            path + " has unknown field \"" + field.substring(0, Math.min(field.length(), 40)) + "\"; allowed: " + new java.util.TreeSet<>(allowed), null);
      }
    }
  }

  private static boolean ignored(String name) {
    return name.startsWith(".") || name.startsWith("README");
  }

  private String rel(Path file) {
    return root == null ? file.toString() : root.relativize(file).toString();
  }

  private TrustDirectoryException invalid(Path file, String message, Throwable cause) {
    return new TrustDirectoryException(CryptoErrorCode.TRUST_DIRECTORY_INVALID, rel(file), message, cause);
  }

  private TrustDirectoryException limit(Path file, String message) {
    return new TrustDirectoryException(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, rel(file), message, null);
  }
}
