package dev.mlat.core.validation.internal;

import dev.mlat.core.validation.AbsoluteUrl;
import dev.mlat.core.validation.CurrencyCode;
import dev.mlat.core.validation.DecimalAmount;
import dev.mlat.core.validation.DomainNameFormat;
import dev.mlat.core.validation.E164;
import dev.mlat.core.validation.EmailAddressFormat;
import dev.mlat.core.validation.IbanFormat;
import dev.mlat.core.validation.ImeiFormat;
import dev.mlat.core.validation.ImsiFormat;
import dev.mlat.core.validation.Ipv4Literal;
import dev.mlat.core.validation.Ipv6Literal;
import dev.mlat.core.validation.LanguageCode;
import dev.mlat.core.validation.MediaTypeFormat;
import dev.mlat.core.validation.NonBlankText;
import dev.mlat.core.validation.Sha256Hex;
import dev.mlat.core.validation.TimeZoneId;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.function.Predicate;

/**
 * The validators of the format constraints in {@code dev.mlat.core.validation}, one nested class
 * per annotation, each delegating to {@link Formats}. Stateless and thread-safe. {@code null} is
 * valid (absent values are the completeness rules' business).
 */
public final class FormatValidators {

  private FormatValidators() {}

  /** Shared logic: {@code null} is valid, anything else must satisfy the predicate. */
  abstract static class StringFormat<A extends Annotation> implements ConstraintValidator<A, String> {
    private final Predicate<String> check;

    StringFormat(Predicate<String> check) {
      this.check = check;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || check.test(value);
    }
  }

  /** Validates {@link LanguageCode}. */
  public static final class Language extends StringFormat<LanguageCode> {
    /** Called by the validation provider. */
    public Language() {
      super(Formats::isLanguageCode);
    }
  }

  /** Validates {@link EmailAddressFormat}. */
  public static final class Email extends StringFormat<EmailAddressFormat> {
    /** Called by the validation provider. */
    public Email() {
      super(Formats::isEmailAddress);
    }
  }

  /** Validates {@link E164}. */
  public static final class E164Number extends StringFormat<E164> {
    /** Called by the validation provider. */
    public E164Number() {
      super(Formats::isE164);
    }
  }

  /** Validates {@link ImsiFormat}. */
  public static final class ImsiNumber extends StringFormat<ImsiFormat> {
    /** Called by the validation provider. */
    public ImsiNumber() {
      super(Formats::isImsi);
    }
  }

  /** Validates {@link ImeiFormat}. */
  public static final class ImeiNumber extends StringFormat<ImeiFormat> {
    /** Called by the validation provider. */
    public ImeiNumber() {
      super(Formats::isImei);
    }
  }

  /** Validates {@link IbanFormat}. */
  public static final class IbanNumber extends StringFormat<IbanFormat> {
    /** Called by the validation provider. */
    public IbanNumber() {
      super(Formats::isIban);
    }
  }

  /** Validates {@link Ipv4Literal}. */
  public static final class Ipv4 extends StringFormat<Ipv4Literal> {
    /** Called by the validation provider. */
    public Ipv4() {
      super(Formats::isIpv4);
    }
  }

  /** Validates {@link Ipv6Literal}. */
  public static final class Ipv6 extends StringFormat<Ipv6Literal> {
    /** Called by the validation provider. */
    public Ipv6() {
      super(Formats::isIpv6);
    }
  }

  /** Validates {@link DomainNameFormat}. */
  public static final class Domain extends StringFormat<DomainNameFormat> {
    /** Called by the validation provider. */
    public Domain() {
      super(Formats::isDomainName);
    }
  }

  /** Validates {@link AbsoluteUrl}. */
  public static final class Url extends StringFormat<AbsoluteUrl> {
    /** Called by the validation provider. */
    public Url() {
      super(Formats::isUrl);
    }
  }

  /** Validates {@link Sha256Hex}. */
  public static final class Sha256 extends StringFormat<Sha256Hex> {
    /** Called by the validation provider. */
    public Sha256() {
      super(Formats::isSha256Hex);
    }
  }

  /** Validates {@link MediaTypeFormat}. */
  public static final class MediaType extends StringFormat<MediaTypeFormat> {
    /** Called by the validation provider. */
    public MediaType() {
      super(Formats::isMediaType);
    }
  }

  /** Validates {@link CurrencyCode}. */
  public static final class Currency extends StringFormat<CurrencyCode> {
    /** Called by the validation provider. */
    public Currency() {
      super(Formats::isCurrencyCode);
    }
  }

  /** Validates {@link DecimalAmount}. */
  public static final class Amount extends StringFormat<DecimalAmount> {
    /** Called by the validation provider. */
    public Amount() {
      super(Formats::isAmount);
    }
  }

  /** Validates {@link TimeZoneId}. */
  public static final class TimeZone extends StringFormat<TimeZoneId> {
    /** Called by the validation provider. */
    public TimeZone() {
      super(Formats::isTimeZone);
    }
  }

  /** Validates {@link NonBlankText}. */
  public static final class Text extends StringFormat<NonBlankText> {
    /** Called by the validation provider. */
    public Text() {
      super(s -> !s.isBlank());
    }
  }
}
