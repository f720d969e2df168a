package dev.mlat.crypto.trust;

import static dev.mlat.crypto.trust.TrustListFixture.CLOCK;
import static dev.mlat.crypto.trust.TrustListFixture.DIRECTORY;
import static dev.mlat.crypto.trust.TrustListFixture.FR;
import static dev.mlat.crypto.trust.TrustListFixture.FR_PKI;
import static dev.mlat.crypto.trust.TrustListFixture.NL;
import static dev.mlat.crypto.trust.TrustListFixture.NOW;
import static dev.mlat.crypto.trust.TrustListFixture.list;
import static dev.mlat.crypto.trust.TrustListFixture.loader;
import static dev.mlat.crypto.trust.TrustListFixture.publisher;
import static dev.mlat.crypto.trust.TrustListFixture.signed;
import static dev.mlat.crypto.trust.TrustListFixture.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.SignatureExpectation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustListLoaderTest {
  @TempDir Path folder;

  private static void fails(CryptoErrorCode code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(MlatCryptoException.class)
        .satisfies(e -> assertThat(((MlatCryptoException) e).errorCode()).isEqualTo(code));
  }

  private static String json(int sequence, String extraTopLevel) throws Exception {
    String json = new String(publisher().content(DIRECTORY, sequence, NOW, NOW.plus(Duration.ofDays(7))), StandardCharsets.UTF_8);
    return extraTopLevel == null ? json : json.replaceFirst("\\{", "{" + extraTopLevel + ",");
  }

  @Test
  void aPublishedListLoadsAndItsDirectoryVerifiesASignerOfAListedJurisdiction() throws Exception {
    var loaded = loader(TrustListState.inMemory()).load(list(7));
    assertThat(loaded.sequenceNumber()).isEqualTo(7);
    assertThat(loaded.publisher()).isEqualTo("NL trust list service");
    assertThat(loaded.issuedAt()).isEqualTo(NOW);
    assertThat(loaded.directory().jurisdictions()).containsExactly(FR);
    assertThat(loaded.directory().jurisdictions()).doesNotContain(NL);
    assertThat(loaded.directory().anchors(FR)).containsExactly(FR_PKI.root().certificate());
    assertThat(loaded.directory().roles(PartyId.parse("FR:FR-MOJ"))).isEqualTo(DIRECTORY.roles(PartyId.parse("FR:FR-MOJ")));
    assertThat(loaded.directory().authorityCertificates(PartyId.parse("FR:FR-MOJ")))
        .containsExactlyInAnyOrderElementsOf(DIRECTORY.authorityCertificates(PartyId.parse("FR:FR-MOJ")));
    assertThat(loaded.directory().crls()).hasSameSizeAs(DIRECTORY.crls());
    assertThat(loaded.directory().timestampAnchors()).containsExactlyElementsOf(DIRECTORY.timestampAnchors());

    var ministry = FR_PKI.authority("FR-MOJ").signing();
    byte[] message = signer(ministry, FR, CmsContentType.DATA).sign("{\"m\":1}".getBytes(StandardCharsets.UTF_8), Encapsulation.ENCAPSULATED);
    var trust = TrustVerifier.builder(loaded.directory()).clock(CLOCK).build();
    var verified = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), CLOCK, CmsLimits.defaults())
        .verify(message, SignatureExpectation.oneSigner(FR));
    assertThat(verified.signers().get(0).trust().authority()).contains(PartyId.parse("FR:FR-MOJ"));
    assertThat(verified.signers().get(0).trust().revocation()).isNotEmpty();
  }

  @Test
  void aListLoadsFromAFile() throws Exception {
    Path file = folder.resolve("list.trustlist");
    Files.write(file, list(3));
    assertThat(loader(TrustListState.inMemory()).load(file).sequenceNumber()).isEqualTo(3);
    fails(CryptoErrorCode.TRUST_LIST_MALFORMED, () -> loader(TrustListState.inMemory()).load(folder.resolve("missing.p7m")));
  }

  @Test
  void aTamperedListFailsItsSignature() throws Exception {
    byte[] signed = list(1);
    String text = new String(signed, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("NL trust list service");
    assertThat(at).isPositive();
    signed[at] = 'X';
    fails(CryptoErrorCode.CMS_SIGNATURE_INVALID, () -> loader(TrustListState.inMemory()).load(signed));
  }

  @Test
  void aListSignedByAnyoneButThePublisherIsRefused() throws Exception {
    var ministry = FR_PKI.authority("FR-MOJ").signing();
    byte[] byMinistry = new TrustListPublisher(signer(ministry, FR, CmsContentType.DATA), "FR pretending")
        .publish(DIRECTORY, 1, NOW, NOW.plus(Duration.ofDays(1)));
    fails(CryptoErrorCode.TRUST_LIST_PUBLISHER_UNTRUSTED, () -> loader(TrustListState.inMemory()).load(byMinistry));
  }

  @Test
  void aPublisherCaCertificateIsNotASigner() {
    var pki = TrustListFixture.PUBLISHER_PKI;
    var trust = new PublisherTrust(Set.of(pki.root().certificate()), AlgorithmPolicy.defaultPolicy());
    assertThatThrownBy(() -> trust.verify(pki.intermediate().certificate(), java.util.List.of(), NL, NOW))
        .isInstanceOf(MlatCryptoException.class).hasMessageContaining("CA certificate")
        .satisfies(e -> assertThat(((MlatCryptoException) e).errorCode()).isEqualTo(CryptoErrorCode.TRUST_LIST_PUBLISHER_UNTRUSTED));
  }

  @Test
  void anotherContentTypeIsRefused() throws Exception {
    var other = new CmsContentType("1.2.840.113549.1.9.16.1.4");
    byte[] content = publisher().content(DIRECTORY, 1, NOW, NOW.plus(Duration.ofDays(1)));
    byte[] signedOther = signer(TrustListFixture.publisherCredential(), NL, other).sign(content, Encapsulation.ENCAPSULATED);
    fails(CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH, () -> loader(TrustListState.inMemory()).load(signedOther));
  }

  @Test
  void aListPastItsNextUpdateIsStale() throws Exception {
    byte[] signed = publisher().publish(DIRECTORY, 1, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofSeconds(1)));
    fails(CryptoErrorCode.TRUST_LIST_STALE, () -> loader(TrustListState.inMemory()).load(signed));
  }

  @Test
  void aListIssuedInTheFutureBeyondTheSkewIsNotYetValid() throws Exception {
    byte[] farAhead = publisher().publish(DIRECTORY, 1, NOW.plus(Duration.ofMinutes(6)), NOW.plus(Duration.ofDays(1)));
    fails(CryptoErrorCode.TRUST_LIST_NOT_YET_VALID, () -> loader(TrustListState.inMemory()).load(farAhead));
    byte[] withinSkew = publisher().publish(DIRECTORY, 1, NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofDays(1)));
    assertThat(loader(TrustListState.inMemory()).load(withinSkew).sequenceNumber()).isEqualTo(1);
  }

  @Test
  void maxFutureSkewHolds() throws Exception {
    byte[] ahead = publisher().publish(DIRECTORY, 1, NOW.plus(Duration.ofMinutes(1)), NOW.plus(Duration.ofDays(1)));
    var strict = TrustListLimits.defaults().withMaxFutureSkew(Duration.ZERO);
    fails(CryptoErrorCode.TRUST_LIST_NOT_YET_VALID, () -> loader(TrustListState.inMemory(), CLOCK, strict).load(ahead));
  }

  @Test
  void aLowerSequenceNumberIsARollbackAndTheSameOneWithOtherContentAConflict() throws Exception {
    var state = TrustListState.inMemory();
    var loader = loader(state);
    byte[] five = list(5);
    loader.load(five);
    fails(CryptoErrorCode.TRUST_LIST_ROLLBACK, () -> loader.load(list(4)));
    assertThat(loader.load(five).sequenceNumber()).isEqualTo(5);
    byte[] otherFive = publisher().publish(DIRECTORY, 5, NOW, NOW.plus(Duration.ofDays(3)));
    fails(CryptoErrorCode.TRUST_LIST_CONFLICT, () -> loader.load(otherFive));
    assertThat(loader.load(list(6)).sequenceNumber()).isEqualTo(6);
    assertThat(state.lastAccepted()).get().extracting(AcceptedTrustList::sequenceNumber).isEqualTo(6L);
  }

  @Test
  void aRefusedListIsNotRecorded() throws Exception {
    var state = TrustListState.inMemory();
    byte[] stale = publisher().publish(DIRECTORY, 9, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
    fails(CryptoErrorCode.TRUST_LIST_STALE, () -> loader(state).load(stale));
    assertThat(state.lastAccepted()).isEmpty();
  }

  @Test
  void rollbackIsRefusedAcrossRestartsWithTheFileState() throws Exception {
    Path stateFile = folder.resolve("trust-list.state");
    loader(TrustListState.file(stateFile)).load(list(10));
    assertThat(Files.readString(stateFile)).startsWith("mlat-trust-list-state 1 10 ");
    assertThat(folder.toFile().list()).containsExactly("trust-list.state");

    var afterRestart = loader(TrustListState.file(stateFile));
    fails(CryptoErrorCode.TRUST_LIST_ROLLBACK, () -> afterRestart.load(list(9)));
    assertThat(afterRestart.load(list(10)).sequenceNumber()).isEqualTo(10);
    byte[] otherTen = publisher().publish(DIRECTORY, 10, NOW, NOW.plus(Duration.ofDays(2)));
    fails(CryptoErrorCode.TRUST_LIST_CONFLICT, () -> afterRestart.load(otherTen));
    afterRestart.load(list(11));
    fails(CryptoErrorCode.TRUST_LIST_ROLLBACK, () -> loader(TrustListState.file(stateFile)).load(list(10)));
  }

  @Test
  void aCorruptOrUnwritableStateFailsClosed() throws Exception {
    Path stateFile = folder.resolve("corrupt.state");
    Files.writeString(stateFile, "mlat-trust-list-state 1 ten abc\n");
    fails(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE, () -> loader(TrustListState.file(stateFile)).load(list(1)));
    Files.writeString(stateFile, "");
    fails(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE, () -> loader(TrustListState.file(stateFile)).load(list(1)));
    Files.writeString(stateFile, "mlat-trust-list-state 1 1 " + "a".repeat(300) + "\n");
    fails(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE, () -> loader(TrustListState.file(stateFile)).load(list(1)));
    Path noFolder = folder.resolve("missing/dir/trust.state");
    fails(CryptoErrorCode.TRUST_LIST_STATE_UNAVAILABLE, () -> loader(TrustListState.file(noFolder)).load(list(1)));
  }

  @Test
  void malformedContentIsRefusedStrictly() throws Exception {
    var loader = loader(TrustListState.inMemory());
    for (String bad : new String[] {
        json(1, "\"unknown\":1"),
        json(1, "\"sequenceNumber\":2"),
        json(1, null) + " {}",
        json(1, null).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"),
        json(1, null).replace("\"sequenceNumber\" : 1", "\"sequenceNumber\" : -1"),
        json(1, null).replace("\"sequenceNumber\" : 1", "\"sequenceNumber\" : 1.5"),
        json(1, null).replace("\"sequenceNumber\" : 1", "\"sequenceNumber\" : 99999999999999999999"),
        json(1, null).replace("\"issuedAt\" : \"", "\"issuedAt\" : \"x"),
        json(1, null).replace("\"code\" : \"FR\"", "\"code\" : \"ZZ\""),
        json(1, null).replace("\"roles\" : [ \"", "\"roles\" : [ \"boss\", \""),
        json(1, null).replace("\"anchors\" : [ \"", "\"anchors\" : [ \"!!notbase64\", \""),
        json(1, null).replace("\"anchors\" : [ \"", "\"anchors\" : [ \"AAAA\", \""),
        "[]",
        "{} // comment",
        "\u00ff\u00fe",
    }) {
      byte[] signedBad = signed(bad.getBytes(StandardCharsets.UTF_8));
      fails(CryptoErrorCode.TRUST_LIST_MALFORMED, () -> loader.load(signedBad));
    }
  }

  @Test
  void anEndEntityCertificateAsAnAnchorIsRefused() throws Exception {
    var ministry = FR_PKI.authority("FR-MOJ").signing().certificate();
    String ee = java.util.Base64.getEncoder().encodeToString(ministry.getEncoded());
    String bad = json(1, null).replace("\"anchors\" : [ \"", "\"anchors\" : [ \"" + ee + "\", \"");
    fails(CryptoErrorCode.TRUST_LIST_MALFORMED, () -> loader(TrustListState.inMemory()).load(signed(bad.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void maxListBytesHolds() throws Exception {
    byte[] signed = list(1);
    var limits = TrustListLimits.defaults().withMaxListBytes(signed.length - 1);
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED, () -> loader(TrustListState.inMemory(), CLOCK, limits).load(signed));
    Path file = folder.resolve("list.p7m");
    Files.write(file, signed);
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED, () -> loader(TrustListState.inMemory(), CLOCK, limits).load(file));
  }

  @Test
  void maxJurisdictionsHolds() throws Exception {
    var de = dev.mlat.crypto.testing.TestPki.builder(dev.mlat.core.Jurisdiction.of("DE")).authority("DE-BMJ").clock(CLOCK).build();
    var two = TrustDirectory.builder().addAnchor(FR, FR_PKI.root().certificate())
        .addAnchor(dev.mlat.core.Jurisdiction.of("DE"), de.root().certificate()).build();
    byte[] signed = publisher().publish(two, 1, NOW, NOW.plus(Duration.ofDays(1)));
    assertThat(loader(TrustListState.inMemory()).load(signed).directory().jurisdictions()).hasSize(2);
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED,
        () -> loader(TrustListState.inMemory(), CLOCK, TrustListLimits.defaults().withMaxJurisdictions(1)).load(signed));
  }

  @Test
  void maxCertificatesHolds() throws Exception {
    byte[] signed = list(1);
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED,
        () -> loader(TrustListState.inMemory(), CLOCK, TrustListLimits.defaults().withMaxCertificates(2)).load(signed));
  }

  @Test
  void maxAuthoritiesHolds() throws Exception {
    var one = TrustDirectory.builder().addAnchor(FR, FR_PKI.root().certificate())
        .registerAuthority(PartyId.parse("FR:FR-MOJ"), Set.of(AuthorityRole.SIGN))
        .registerAuthority(PartyId.parse("FR:FR-MI"), Set.of(AuthorityRole.RELAY)).build();
    byte[] signed = publisher().publish(one, 1, NOW, NOW.plus(Duration.ofDays(1)));
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED,
        () -> loader(TrustListState.inMemory(), CLOCK, TrustListLimits.defaults().withMaxAuthorities(1)).load(signed));
  }

  @Test
  void maxCrlsMaxCrlBytesAndMaxCertificateBytesHold() throws Exception {
    byte[] signed = list(1);
    var defaults = TrustListLimits.defaults();
    assertThat(DIRECTORY.crls()).hasSize(2);
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED, () -> loader(TrustListState.inMemory(), CLOCK,
        new TrustListLimits(defaults.maxListBytes(), 300, 10_000, 64 * 1024, 10_000, 1, 8 * 1024 * 1024, Duration.ZERO)).load(signed));
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED, () -> loader(TrustListState.inMemory(), CLOCK,
        new TrustListLimits(defaults.maxListBytes(), 300, 10_000, 64 * 1024, 10_000, 1_000, 100, Duration.ZERO)).load(signed));
    fails(CryptoErrorCode.TRUST_LIST_LIMIT_EXCEEDED, () -> loader(TrustListState.inMemory(), CLOCK,
        new TrustListLimits(defaults.maxListBytes(), 300, 10_000, 200, 10_000, 1_000, 8 * 1024 * 1024, Duration.ZERO)).load(signed));
  }

  @Test
  void deeplyNestedOrHugeNumbersAreMalformed() throws Exception {
    String deep = "{\"crls\":" + "[".repeat(40) + "]".repeat(40) + "}";
    fails(CryptoErrorCode.TRUST_LIST_MALFORMED, () -> loader(TrustListState.inMemory()).load(signed(deep.getBytes(StandardCharsets.UTF_8))));
    String longNumber = json(1, null).replace("\"sequenceNumber\" : 1", "\"sequenceNumber\" : " + "1".repeat(60));
    fails(CryptoErrorCode.TRUST_LIST_MALFORMED, () -> loader(TrustListState.inMemory()).load(signed(longNumber.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void thePublisherCertificateMustBeValidAtLoadingTime() throws Exception {
    byte[] signed = publisher().publish(DIRECTORY, 1, NOW, NOW.plus(Duration.ofDays(365 * 30)));
    var farFuture = Clock.fixed(NOW.plus(Duration.ofDays(365 * 20)), ZoneOffset.UTC);
    assertThatThrownBy(() -> loader(TrustListState.inMemory(), farFuture, TrustListLimits.defaults()).load(signed))
        .isInstanceOf(MlatCryptoException.class)
        .satisfies(e -> assertThat(((MlatCryptoException) e).errorCode()).isEqualTo(CryptoErrorCode.TRUST_LIST_PUBLISHER_UNTRUSTED));
  }

  @Test
  void theBuilderRefusesNonCaAnchors() {
    var ee = TrustListFixture.publisherCredential().certificate();
    assertThatThrownBy(() -> TrustListLoader.builder(java.util.List.of(ee), NL, TrustListState.inMemory()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustListLoader.builder(java.util.List.of(), NL, TrustListState.inMemory()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
