package dev.mlat.core.json.internal;

import dev.mlat.core.MessageType;
import dev.mlat.core.model.LegalEntity;
import dev.mlat.core.model.NaturalPerson;
import dev.mlat.core.model.Subject;
import dev.mlat.core.model.identifier.CryptoAssetAddress;
import dev.mlat.core.model.identifier.DomainName;
import dev.mlat.core.model.identifier.EmailAddress;
import dev.mlat.core.model.identifier.GenericIdentifier;
import dev.mlat.core.model.identifier.Iban;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.model.identifier.Imei;
import dev.mlat.core.model.identifier.Imsi;
import dev.mlat.core.model.identifier.Ipv4Address;
import dev.mlat.core.model.identifier.Ipv6Address;
import dev.mlat.core.model.identifier.PhoneNumber;
import dev.mlat.core.model.identifier.ProviderAccount;
import dev.mlat.core.model.identifier.Url;
import dev.mlat.core.model.measure.AssetConfiscation;
import dev.mlat.core.model.measure.AssetFreezing;
import dev.mlat.core.model.measure.BankingInformation;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import dev.mlat.core.model.measure.PreservationEnd;
import dev.mlat.core.model.measure.PreservationExtension;
import dev.mlat.core.model.measure.RealTimeTrafficCollection;
import dev.mlat.core.model.measure.SearchAndSeizure;
import dev.mlat.core.model.measure.ServiceOfDocuments;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.AdditionalInformation;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.NewDeadline;
import dev.mlat.core.model.message.NonExecution;
import dev.mlat.core.model.message.PreservationConfirmed;
import dev.mlat.core.model.message.PreservationEnded;
import dev.mlat.core.model.message.PreservationExtended;
import dev.mlat.core.model.message.Refusal;
import dev.mlat.core.model.message.RequestForAdditionalInformation;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.StatusUpdate;
import dev.mlat.core.model.message.Withdrawal;
import dev.mlat.core.model.message.WithdrawalConfirmed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed sets of polymorphic type names: the only type information the JSON reader takes from
 * its input. The JSON Schema generator and the object mapper both read these tables, so the two
 * cannot drift apart.
 */
public final class TypeNames {

  /** One polymorphic family: its base type, the property that names the subtype, and the names. */
  public record Family(Class<?> base, String property, Map<String, Class<?>> subtypes) {
    public Family {
      subtypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subtypes));
    }

    /** The name of {@code subtype} in this family. */
    public String nameOf(Class<?> subtype) {
      for (var e : subtypes.entrySet()) {
        if (e.getValue().equals(subtype)) {
          return e.getKey();
        }
      }
      throw new IllegalArgumentException(subtype + " is not in the family of " + base);
    }
  }

  public static final Family IDENTIFIER = new Family(Identifier.class, "type", ordered(
      "email", EmailAddress.class,
      "ipv4", Ipv4Address.class,
      "ipv6", Ipv6Address.class,
      "e164", PhoneNumber.class,
      "imsi", Imsi.class,
      "imei", Imei.class,
      "domain", DomainName.class,
      "url", Url.class,
      "account", ProviderAccount.class,
      "iban", Iban.class,
      "cryptoAddress", CryptoAssetAddress.class,
      "generic", GenericIdentifier.class));

  public static final Family MEASURE = new Family(Measure.class, "type", ordered(
      "preservation", Preservation.class,
      "preservationExtension", PreservationExtension.class,
      "preservationEnd", PreservationEnd.class,
      "dataProduction", DataProduction.class,
      "expeditedDisclosure", ExpeditedDisclosure.class,
      "searchAndSeizure", SearchAndSeizure.class,
      "hearing", Hearing.class,
      "serviceOfDocuments", ServiceOfDocuments.class,
      "assetFreezing", AssetFreezing.class,
      "assetConfiscation", AssetConfiscation.class,
      "bankingInformation", BankingInformation.class,
      "realTimeTrafficCollection", RealTimeTrafficCollection.class));

  public static final Family SUBJECT = new Family(Subject.class, "type", ordered(
      "naturalPerson", NaturalPerson.class,
      "legalEntity", LegalEntity.class));

  public static final Family MESSAGE = new Family(LifecycleMessage.class, "messageType", messages());

  /** Every family, in a fixed order. */
  public static final List<Family> ALL = List.of(IDENTIFIER, MEASURE, SUBJECT, MESSAGE);

  private TypeNames() {}

  /** The family whose base type is {@code base}, if any. */
  public static java.util.Optional<Family> familyOf(Class<?> base) {
    return ALL.stream().filter(f -> f.base().equals(base)).findFirst();
  }

  private static Map<String, Class<?>> messages() {
    var map = new LinkedHashMap<MessageType, Class<?>>();
    map.put(MessageType.REQUEST, RequestMessage.class);
    map.put(MessageType.ACKNOWLEDGEMENT_OF_RECEIPT, AcknowledgementOfReceipt.class);
    map.put(MessageType.STATUS_UPDATE, StatusUpdate.class);
    map.put(MessageType.REQUEST_FOR_ADDITIONAL_INFORMATION, RequestForAdditionalInformation.class);
    map.put(MessageType.ADDITIONAL_INFORMATION, AdditionalInformation.class);
    map.put(MessageType.NEW_DEADLINE, NewDeadline.class);
    map.put(MessageType.RESPONSE, Response.class);
    map.put(MessageType.REFUSAL, Refusal.class);
    map.put(MessageType.NON_EXECUTION, NonExecution.class);
    map.put(MessageType.WITHDRAWAL, Withdrawal.class);
    map.put(MessageType.WITHDRAWAL_CONFIRMED, WithdrawalConfirmed.class);
    map.put(MessageType.PRESERVATION_CONFIRMED, PreservationConfirmed.class);
    map.put(MessageType.PRESERVATION_EXTENDED, PreservationExtended.class);
    map.put(MessageType.PRESERVATION_ENDED, PreservationEnded.class);
    if (map.size() != MessageType.values().length) {
      throw new IllegalStateException("a MessageType has no record: " + map.keySet());
    }
    var out = new LinkedHashMap<String, Class<?>>();
    map.forEach((type, cls) -> out.put(type.wireName(), cls));
    return out;
  }

  private static Map<String, Class<?>> ordered(Object... pairs) {
    var out = new LinkedHashMap<String, Class<?>>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (Class<?>) pairs[i + 1]);
    }
    return out;
  }
}
