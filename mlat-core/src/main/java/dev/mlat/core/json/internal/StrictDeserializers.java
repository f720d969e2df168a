package dev.mlat.core.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JavaType;
import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Deserializers that accept exactly one JSON token kind per Java type: no coercion between strings,
 * numbers and booleans, no alternative encodings (epoch numbers for instants, base64 for UUIDs,
 * arrays for dates), no enum indexes. Each failure is a {@link CodedJsonException}.
 */
public final class StrictDeserializers {

  /** Text form of an instant: UTC, seconds always present, 0 to 9 fraction digits, {@code Z}. */
  public static final String INSTANT_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$";
  /** Text form of a calendar date. */
  public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  /** Text form of a UUID (RFC 9562, hexadecimal digits in either case). */
  public static final String UUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);
  private static final Pattern DATE = Pattern.compile(DATE_PATTERN);

  private StrictDeserializers() {}

  static String describe(JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "an integer";
      case VALUE_NUMBER_FLOAT:
        return "a decimal number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.name();
    }
  }

  static CodedJsonException wrongType(JsonParser p, String expected) {
    return new CodedJsonException(
        p, CoreErrorCode.JSON_WRONG_TYPE, "expected " + expected + " but found " + describe(p.currentToken()));
  }

  static String requireString(JsonParser p, String expected) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(p, expected);
    }
    return p.getText();
  }

  /** Strings: only a JSON string. */
  public static final class StrictString extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    public StrictString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return requireString(p, "a string");
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /** Integers: only a JSON integer within the 32-bit range. */
  public static final class StrictInteger extends StdScalarDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    public StrictInteger(Class<Integer> type) {
      super(type);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw wrongType(p, "an integer");
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw new CodedJsonException(
            p, CoreErrorCode.JSON_INVALID_VALUE, "integer out of range: expected -2147483648 to 2147483647");
      }
      return p.getIntValue();
    }
  }

  /** Long integers: only a JSON integer within the 64-bit range. */
  public static final class StrictLong extends StdScalarDeserializer<Long> {
    private static final long serialVersionUID = 1L;

    public StrictLong(Class<Long> type) {
      super(type);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw wrongType(p, "an integer");
      }
      var type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        throw new CodedJsonException(p, CoreErrorCode.JSON_INVALID_VALUE, "integer out of the 64-bit range");
      }
      return p.getLongValue();
    }
  }

  /** Booleans: only {@code true} or {@code false}. */
  public static final class StrictBoolean extends StdScalarDeserializer<Boolean> {
    private static final long serialVersionUID = 1L;

    public StrictBoolean(Class<Boolean> type) {
      super(type);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var token = p.currentToken();
      if (token == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (token == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      throw wrongType(p, "true or false");
    }
  }

  /**
   * Whether {@code text} matches {@link #UUID_PATTERN}, checked without a matcher (one per UUID
   * read). StrictDeserializersTest holds the two equal.
   */
  static boolean isUuidText(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23
          ? c == '-'
          : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** UUIDs: only the 36-character hyphenated text form. */
  public static final class StrictUuid extends StdScalarDeserializer<UUID> {
    private static final long serialVersionUID = 1L;

    public StrictUuid() {
      super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var text = requireString(p, "a UUID string");
      if (!isUuidText(text)) {
        throw new CodedJsonException(
            p, CoreErrorCode.JSON_INVALID_VALUE, "not a UUID: expected 8-4-4-4-12 hexadecimal digits");
      }
      return UUID.fromString(text);
    }
  }

  /** Instants: only ISO-8601 UTC text such as {@code 2026-03-01T10:15:30Z}. */
  public static final class StrictInstant extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    public StrictInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var text = requireString(p, "an ISO-8601 UTC instant string");
      if (INSTANT.matcher(text).matches()) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      throw new CodedJsonException(
          p, CoreErrorCode.JSON_INVALID_VALUE,
          "not an instant: expected UTC ISO-8601 such as 2026-03-01T10:15:30Z");
    }
  }

  /** Dates: only ISO-8601 text such as {@code 2026-03-01}. */
  public static final class StrictLocalDate extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    public StrictLocalDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var text = requireString(p, "an ISO-8601 date string");
      if (DATE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      throw new CodedJsonException(
          p, CoreErrorCode.JSON_INVALID_VALUE, "not a date: expected ISO-8601 such as 2026-03-01");
    }
  }

  /** Jurisdictions: a string that {@link Jurisdiction#parse} accepts. */
  public static final class StrictJurisdiction extends StdScalarDeserializer<Jurisdiction> {
    private static final long serialVersionUID = 1L;

    public StrictJurisdiction() {
      super(Jurisdiction.class);
    }

    @Override
    public Jurisdiction deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var text = requireString(p, "a jurisdiction code string");
      try {
        return Jurisdiction.parse(text);
      } catch (MlatCoreException e) {
        throw new CodedJsonException(p, e.errorCode(), e.getMessage());
      }
    }
  }

  /** Party ids: a string that {@link PartyId#parse} accepts, such as {@code FR:FR-MOJ}. */
  public static final class StrictPartyId extends StdScalarDeserializer<PartyId> {
    private static final long serialVersionUID = 1L;

    public StrictPartyId() {
      super(PartyId.class);
    }

    @Override
    public PartyId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var text = requireString(p, "a party id string such as FR:FR-MOJ");
      try {
        return PartyId.parse(text);
      } catch (MlatCoreException e) {
        throw new CodedJsonException(p, e.errorCode(), e.getMessage());
      }
    }
  }

  /** Enums: only a string equal to a constant's name. */
  public static final class StrictEnum extends StdScalarDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Enum<?>[] constants;
    /** The constants' names as messages list them, made once (they were made twice per value read). */
    private final String names;

    StrictEnum(Class<?> enumType) {
      super(enumType);
      this.constants = (Enum<?>[]) enumType.getEnumConstants();
      this.names = Arrays.toString(Arrays.stream(constants).map(Enum::name).toArray());
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw wrongType(p, "one of " + names);
      }
      var text = p.getText();
      for (var c : constants) {
        if (c.name().equals(text)) {
          return c;
        }
      }
      throw new CodedJsonException(p, CoreErrorCode.JSON_INVALID_VALUE, "expected one of " + names);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Enum;
    }
  }

  /** Replaces every enum deserializer with {@link StrictEnum}. */
  public static final class StrictEnums extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(
        DeserializationConfig config, JavaType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
      return new StrictEnum(type.getRawClass());
    }
  }
}
