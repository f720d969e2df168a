package dev.mlat.crypto.attack;

import static dev.mlat.crypto.attack.AttackFixture.CLOCK;
import static dev.mlat.crypto.attack.AttackFixture.DIRECTORY;
import static dev.mlat.crypto.attack.AttackFixture.FR;
import static dev.mlat.crypto.attack.AttackFixture.POLICY;
import static dev.mlat.crypto.attack.AttackFixture.assertCode;
import static dev.mlat.crypto.attack.AttackFixture.identity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustListLoader;
import dev.mlat.crypto.trust.TrustListPublisher;
import dev.mlat.crypto.trust.TrustListState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Attacks on signed trust lists (docs/TRUST-LIST.md): the list decides which anchors count for
 * every jurisdiction, so whoever can make a ministry load a list of their choosing controls whom
 * it trusts. A replayed older list, two lists with one sequence number, an expired list, a list
 * signed by anyone but the publisher, and a list that tries to smuggle an end-entity certificate
 * or an unknown role in are each refused with their code (docs/SECURITY.md, threats L1 to L7).
 */
class TrustListAttackTest {
  private static final Jurisdiction LU = Jurisdiction.of("LU");
  private static final TestPki PUBLISHER = TestPki.builder(LU).authority("LU-TRUSTLIST").clock(CLOCK).build();
  /** Same names as the publisher's PKI, other keys: what an attacker can make without the publisher's key. */
  private static final TestPki IMPOSTOR = TestPki.builder(LU).authority("LU-TRUSTLIST").clock(CLOCK).build();
  private static final Instant NOW = CLOCK.instant();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CmsSigner signerOf(TestCredential credential, Jurisdiction jurisdiction) throws Exception {
    return CmsSigner.builder(POLICY, CLOCK).signer(jurisdiction, identity(credential), SignatureAlgorithm.ECDSA_SHA256).build();
  }

  private static TrustListPublisher publisher() throws Exception {
    return new TrustListPublisher(signerOf(PUBLISHER.authority("LU-TRUSTLIST").signing(), LU), "LU trust list service");
  }

  private static byte[] list(long sequence, Instant nextUpdate) throws Exception {
    return publisher().publish(DIRECTORY, sequence, NOW, nextUpdate);
  }

  private static byte[] list(long sequence) throws Exception {
    return list(sequence, NOW.plus(Duration.ofDays(7)));
  }

  private static TrustListLoader loader(TrustListState state, Clock clock) {
    return TrustListLoader.builder(List.of(PUBLISHER.root().certificate()), LU, state).clock(clock).build();
  }

  private static TrustListLoader loader(TrustListState state) {
    return loader(state, CLOCK);
  }

  /** The publisher's genuine JSON for sequence 1, changed by {@code change}, signed by the genuine publisher. */
  private static byte[] alteredAndSigned(Consumer<ObjectNode> change) throws Exception {
    var json = (ObjectNode) JSON.readTree(publisher().content(DIRECTORY, 1, NOW, NOW.plus(Duration.ofDays(7))));
    change.accept(json);
    return signerOf(PUBLISHER.authority("LU-TRUSTLIST").signing(), LU).sign(JSON.writeValueAsBytes(json), Encapsulation.ENCAPSULATED);
  }

  private static ObjectNode france(ObjectNode list) {
    for (var j : list.get("jurisdictions")) {
      if ("FR".equals(j.get("code").asText())) {
        return (ObjectNode) j;
      }
    }
    throw new AssertionError("FR not in the list");
  }

  @Test
  void theGenuineListLoads() throws Exception {
    assertThat(loader(TrustListState.inMemory()).load(list(1)).directory().jurisdictions()).contains(FR.jurisdiction());
  }

  @Test
  void aRolledBackTrustListIsRefused() throws Exception {
    byte[] older = list(4);
    var state = TrustListState.inMemory();
    loader(state).load(list(5));
    assertCode(() -> loader(state).load(older), CryptoErrorCode.TRUST_LIST_ROLLBACK);
  }

  @Test
  void aSecondListWithTheSameSequenceNumberIsAConflict() throws Exception {
    var state = TrustListState.inMemory();
    loader(state).load(list(5));
    assertCode(() -> loader(state).load(list(5, NOW.plus(Duration.ofDays(8)))), CryptoErrorCode.TRUST_LIST_CONFLICT);
  }

  @Test
  void anExpiredTrustListIsRefused() throws Exception {
    byte[] shortLived = list(1, NOW.plus(Duration.ofHours(1)));
    assertCode(() -> loader(TrustListState.inMemory(), Clock.offset(CLOCK, Duration.ofHours(2))).load(shortLived),
        CryptoErrorCode.TRUST_LIST_STALE);
  }

  @Test
  void aListIssuedInTheFutureIsRefused() throws Exception {
    byte[] future = publisher().publish(DIRECTORY, 1, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)));
    assertCode(() -> loader(TrustListState.inMemory()).load(future), CryptoErrorCode.TRUST_LIST_NOT_YET_VALID);
  }

  @Test
  void aListSignedByAValidAuthorityThatIsNotThePublisherIsRefused() throws Exception {
    // FR-MOJ is trusted to sign messages for France, never to say whom everybody trusts
    var byFrance = new TrustListPublisher(signerOf(FR.authority("FR-MOJ").signing(), FR.jurisdiction()), "LU trust list service")
        .publish(DIRECTORY, 99, NOW, NOW.plus(Duration.ofDays(7)));
    assertCode(() -> loader(TrustListState.inMemory()).load(byFrance), CryptoErrorCode.TRUST_LIST_PUBLISHER_UNTRUSTED);
  }

  @Test
  void aListSignedByAnImpostorOfThePublisherIsRefused() throws Exception {
    var impostor = new TrustListPublisher(signerOf(IMPOSTOR.authority("LU-TRUSTLIST").signing(), LU), "LU trust list service")
        .publish(DIRECTORY, 99, NOW, NOW.plus(Duration.ofDays(7)));
    assertCode(() -> loader(TrustListState.inMemory()).load(impostor), CryptoErrorCode.TRUST_LIST_PUBLISHER_UNTRUSTED);
  }

  @Test
  void anEndEntityCertificateSmuggledInAsAnAnchorIsRefused() throws Exception {
    String endEntity = Base64.getEncoder().encodeToString(FR.authority("FR-MOJ").signing().certificate().getEncoded());
    byte[] signed = alteredAndSigned(list -> ((ArrayNode) france(list).get("anchors")).add(endEntity));
    assertCode(() -> loader(TrustListState.inMemory()).load(signed), CryptoErrorCode.TRUST_LIST_MALFORMED);
  }

  @Test
  void aRoleOutsideTheClosedSetIsRefused() throws Exception {
    byte[] signed = alteredAndSigned(list -> ((ArrayNode) france(list).get("authorities").get(0).get("roles")).add("admin"));
    assertCode(() -> loader(TrustListState.inMemory()).load(signed), CryptoErrorCode.TRUST_LIST_MALFORMED);
  }

  @Test
  void anAuthorityOfAnotherJurisdictionListedUnderFranceIsRefused() throws Exception {
    byte[] signed = alteredAndSigned(list -> ((ObjectNode) france(list).get("authorities").get(0)).put("id", "DE:DE-BMJ"));
    assertCode(() -> loader(TrustListState.inMemory()).load(signed), CryptoErrorCode.TRUST_LIST_MALFORMED);
  }

  @Test
  void aListOfTenThousandDigitSequenceNumberIsRefused() throws Exception {
    byte[] list = publisher().content(DIRECTORY, 1, NOW, NOW.plus(Duration.ofDays(7)));
    String text = new String(list, java.nio.charset.StandardCharsets.UTF_8)
        .replaceFirst("\"sequenceNumber\"\\s*:\\s*1", "\"sequenceNumber\" : 1" + "0".repeat(10_000));
    byte[] signed = signerOf(PUBLISHER.authority("LU-TRUSTLIST").signing(), LU)
        .sign(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Encapsulation.ENCAPSULATED);
    assertCode(() -> loader(TrustListState.inMemory()).load(signed), CryptoErrorCode.TRUST_LIST_MALFORMED);
  }
}
