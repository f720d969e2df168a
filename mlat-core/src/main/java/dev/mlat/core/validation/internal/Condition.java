package dev.mlat.core.validation.internal;

import dev.mlat.core.model.AuthorityKind;
import dev.mlat.core.model.Party;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.measure.BankingInformation;
import dev.mlat.core.model.measure.BankingInformationKind;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.HearingMode;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import dev.mlat.core.model.measure.ServiceOfDocuments;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * When a completeness rule applies, beyond its instrument, article and measure. The {@link #id()}
 * appears in the {@code condition} column of {@code docs/VALIDATION.md}.
 */
public enum Condition {
  ALWAYS("always", (r, m) -> true),
  URGENT_OR_EMERGENCY("urgency is URGENT or EMERGENCY",
      (r, m) -> r.urgency().level() != UrgencyLevel.NORMAL),
  EMERGENCY("urgency is EMERGENCY", (r, m) -> r.urgency().level() == UrgencyLevel.EMERGENCY),
  ISSUER_OTHER_AUTHORITY("issuing authority is OTHER_AUTHORITY",
      (r, m) -> kind(r.parties().issuingAuthority()).filter(k -> k == AuthorityKind.OTHER_AUTHORITY).isPresent()),
  ISSUER_NOT_COURT_TRAFFIC_OR_CONTENT("traffic or content data, issuing authority not COURT",
      (r, m) -> trafficOrContent(m)
          && kind(r.parties().issuingAuthority()).filter(k -> k != AuthorityKind.COURT).isPresent()),
  VALIDATING_AUTHORITY_NAMED("a validating authority is named",
      (r, m) -> r.parties().validatingAuthority().isPresent()),
  TRAFFIC_OR_CONTENT("traffic or content data", (r, m) -> trafficOrContent(m)),
  VIDEO_CONFERENCE("mode is VIDEO_CONFERENCE",
      (r, m) -> m instanceof Hearing h && h.mode() == HearingMode.VIDEO_CONFERENCE),
  TRANSACTIONS_OR_MONITORING("kinds include TRANSACTIONS or MONITORING",
      (r, m) -> m instanceof BankingInformation b
          && (b.kinds().contains(BankingInformationKind.TRANSACTIONS)
              || b.kinds().contains(BankingInformationKind.MONITORING))),
  NOT_ONLY_SERVICE_OF_DOCUMENTS("not only service of documents",
      (r, m) -> !r.measures().stream().allMatch(x -> x instanceof ServiceOfDocuments));

  private final String id;
  private final BiPredicate<Request, Measure> test;

  Condition(String id, BiPredicate<Request, Measure> test) {
    this.id = id;
    this.test = test;
  }

  /** The text in the documentation's condition column. */
  public String id() {
    return id;
  }

  /** Whether the condition holds for this request and (for a measure rule) this measure, else null. */
  public boolean holds(Request request, Measure measure) {
    return test.test(request, measure);
  }

  private static Optional<AuthorityKind> kind(Party party) {
    return party.authorityKind();
  }

  /** The data categories of a data measure, empty for other measures. */
  static List<DataCategory> categories(Measure m) {
    if (m instanceof DataProduction d) {
      return d.dataCategories();
    }
    if (m instanceof Preservation p) {
      return p.dataCategories();
    }
    return List.of();
  }

  private static boolean trafficOrContent(Measure m) {
    var c = categories(m);
    return c.contains(DataCategory.TRAFFIC) || c.contains(DataCategory.CONTENT);
  }
}
