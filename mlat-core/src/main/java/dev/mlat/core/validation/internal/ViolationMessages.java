package dev.mlat.core.validation.internal;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.validation.AbsoluteUrl;
import dev.mlat.core.validation.CurrencyCode;
import dev.mlat.core.validation.DeadlineAfterIssue;
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
import dev.mlat.core.validation.ObservedTimeRequired;
import dev.mlat.core.validation.OrderedOccurrence;
import dev.mlat.core.validation.OrderedTimeRange;
import dev.mlat.core.validation.Sha256Hex;
import dev.mlat.core.validation.TimeZoneId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * Renders violation messages from the bundle {@code dev/mlat/core/validation/internal/Messages}
 * ({@code Messages.properties}, {@code Messages_fr.properties}), and maps constraint annotations
 * to error codes. A message is the bundle entry for the code, with {@code {0}} the label of the
 * field (entry {@code field.<last property name>}), {@code {1}} a detail (the article, the
 * allowed range) and {@code {2}} the JSON path.
 */
public final class ViolationMessages {

  private static final String BUNDLE_PATH = "dev/mlat/core/validation/internal/";

  private static final Map<Class<? extends Annotation>, CoreErrorCode> CODES = Map.ofEntries(
      Map.entry(NonBlankText.class, CoreErrorCode.VALIDATION_FIELD_BLANK),
      Map.entry(Positive.class, CoreErrorCode.VALIDATION_NUMBER_OUT_OF_RANGE),
      Map.entry(PositiveOrZero.class, CoreErrorCode.VALIDATION_NUMBER_OUT_OF_RANGE),
      Map.entry(Max.class, CoreErrorCode.VALIDATION_NUMBER_OUT_OF_RANGE),
      Map.entry(LanguageCode.class, CoreErrorCode.VALIDATION_LANGUAGE_CODE_INVALID),
      Map.entry(EmailAddressFormat.class, CoreErrorCode.VALIDATION_EMAIL_INVALID),
      Map.entry(E164.class, CoreErrorCode.VALIDATION_E164_INVALID),
      Map.entry(ImsiFormat.class, CoreErrorCode.VALIDATION_IMSI_INVALID),
      Map.entry(ImeiFormat.class, CoreErrorCode.VALIDATION_IMEI_INVALID),
      Map.entry(IbanFormat.class, CoreErrorCode.VALIDATION_IBAN_INVALID),
      Map.entry(Ipv4Literal.class, CoreErrorCode.VALIDATION_IP_ADDRESS_INVALID),
      Map.entry(Ipv6Literal.class, CoreErrorCode.VALIDATION_IP_ADDRESS_INVALID),
      Map.entry(DomainNameFormat.class, CoreErrorCode.VALIDATION_DOMAIN_INVALID),
      Map.entry(AbsoluteUrl.class, CoreErrorCode.VALIDATION_URL_INVALID),
      Map.entry(Sha256Hex.class, CoreErrorCode.VALIDATION_SHA256_INVALID),
      Map.entry(MediaTypeFormat.class, CoreErrorCode.VALIDATION_MEDIA_TYPE_INVALID),
      Map.entry(CurrencyCode.class, CoreErrorCode.VALIDATION_CURRENCY_INVALID),
      Map.entry(DecimalAmount.class, CoreErrorCode.VALIDATION_AMOUNT_INVALID),
      Map.entry(TimeZoneId.class, CoreErrorCode.VALIDATION_TIME_ZONE_INVALID),
      Map.entry(OrderedTimeRange.class, CoreErrorCode.VALIDATION_DATE_ORDER_INVALID),
      Map.entry(OrderedOccurrence.class, CoreErrorCode.VALIDATION_DATE_ORDER_INVALID),
      Map.entry(DeadlineAfterIssue.class, CoreErrorCode.VALIDATION_DATE_ORDER_INVALID),
      Map.entry(ObservedTimeRequired.class, CoreErrorCode.VALIDATION_IP_OBSERVED_TIME_MISSING));

  private static final ResourceBundle ENGLISH = load("Messages.properties", null);
  private static final ResourceBundle FRENCH = load("Messages_fr.properties", ENGLISH);

  private final ResourceBundle bundle;
  private final Locale locale;

  /**
   * Messages in this locale: French for any French locale, English otherwise. The bundles are read
   * directly (not through {@code ResourceBundle.getBundle}) so that the choice never depends on
   * the JVM's default locale and works the same on the class path and the module path.
   */
  public ViolationMessages(Locale locale) {
    this.locale = locale;
    this.bundle = "fr".equals(locale.getLanguage()) ? FRENCH : ENGLISH;
  }

  private static ResourceBundle load(String name, ResourceBundle parent) {
    try (InputStream in = ViolationMessages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLE_PATH + name);
      }
      return new Chained(new InputStreamReader(in, StandardCharsets.UTF_8), parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLE_PATH + name, e);
    }
  }

  /** A properties bundle with an explicit parent. */
  private static final class Chained extends PropertyResourceBundle {
    Chained(Reader reader, ResourceBundle parent) throws IOException {
      super(reader);
      if (parent != null) {
        setParent(parent);
      }
    }
  }

  /** The code for a constraint annotation of the model. */
  public static CoreErrorCode codeOf(Annotation annotation) {
    CoreErrorCode code = CODES.get(annotation.annotationType());
    if (code == null) {
      throw new IllegalStateException("constraint without an mlat error code: " + annotation.annotationType().getName()
          + "; add it to ViolationMessages");
    }
    return code;
  }

  /** The detail argument for range constraints (the allowed range), else empty. */
  public static String detail(Annotation annotation, ViolationMessages messages) {
    if (annotation instanceof Positive) {
      return messages.text("range.positive");
    }
    if (annotation instanceof PositiveOrZero) {
      return messages.text("range.positiveOrZero");
    }
    if (annotation instanceof Max max) {
      return new MessageFormat(messages.text("range.max"), messages.locale).format(new Object[] {max.value()});
    }
    return "";
  }

  /** The bundle text for a key. */
  public String text(String key) {
    return bundle.getString(key);
  }

  /** Whether the bundle (in this locale, or its English fallback) has the key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /**
   * The message for a code at a path, with a detail argument. In a detail that cites a source,
   * the words {@code mlat baseline} and {@code (baseline)} are replaced by their translation
   * (entries {@code source.mlatBaseline}, {@code source.baselineSuffix}); article citations stay as
   * they are.
   */
  public String format(CoreErrorCode code, String path, String detail) {
    String localised = detail.replace(BASELINE_SUFFIX, text("source.baselineSuffix"))
        .replace(MLAT_BASELINE, text("source.mlatBaseline"));
    String message = new MessageFormat(text(code.code()), locale).format(new Object[] {label(path), localised, path});
    // Labels are written to fit mid-sentence; a message that starts with one starts upper case.
    return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(locale) + message.substring(1);
  }

  private static final String MLAT_BASELINE = "mlat baseline";
  private static final String BASELINE_SUFFIX = "(baseline)";

  /**
   * A readable name for the property at the end of the path ({@code field.<name>}, or for a list
   * element {@code field.<name>.element} when the bundle has it), or the path itself.
   */
  public String label(String path) {
    boolean element = path.endsWith("]");
    String last = path.replaceAll("\\[[^\\]]*\\]$", "");
    int dot = last.lastIndexOf('.');
    String name = dot >= 0 ? last.substring(dot + 1) : last;
    if (element && bundle.containsKey("field." + name + ".element")) {
      return bundle.getString("field." + name + ".element");
    }
    try {
      return bundle.getString("field." + name);
    } catch (MissingResourceException e) {
      return path;
    }
  }

}
