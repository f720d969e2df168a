/**
 * Per-jurisdiction trust: a {@link dev.mlat.crypto.trust.TrustDirectory} (anchors, intermediates,
 * registered authorities and their {@link dev.mlat.crypto.trust.AuthorityRole roles}, stored CRLs and
 * OCSP responses, timestamping anchors) and a {@link dev.mlat.crypto.trust.TrustVerifier} that
 * decides whether a certificate may act for a jurisdiction and reports the evidence
 * ({@link dev.mlat.crypto.trust.TrustReport}). Rules, layout and codes: {@code docs/TRUST.md}.
 */
package dev.mlat.crypto.trust;
