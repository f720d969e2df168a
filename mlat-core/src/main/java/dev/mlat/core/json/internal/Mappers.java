package dev.mlat.core.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the one Jackson configuration of the wire format. Jackson annotations stay out of the
 * model: polymorphic type names come from {@link TypeNames} through mix-ins, scalar handling from
 * {@link StrictDeserializers}, and which properties are required from the record components' types
 * (everything but {@code Optional} and {@code List} is required).
 */
public final class Mappers {

  private Mappers() {}

  /** Mix-in for families whose type name is in {@code "type"}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface TypeProperty {}

  /** Mix-in for lifecycle messages, whose type name is in {@code "messageType"}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "messageType")
  interface MessageTypeProperty {}

  /**
   * The object mapper for reading and writing the wire format, with the given read constraints as
   * Jackson's own backstop (the reader applies the named limits itself before mapping).
   */
  public static ObjectMapper wireMapper(StreamReadConstraints constraints) {
    var builder = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
            JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
            JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
            JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
            JsonReadFeature.ALLOW_MISSING_VALUES, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_INVALID_SUBTYPE,
            DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
            DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
            DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT, DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
            DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES,
            MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL,
            MapperFeature.AUTO_DETECT_FIELDS, MapperFeature.AUTO_DETECT_SETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
            MapperFeature.INFER_PROPERTY_MUTATORS, MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .annotationIntrospector(new RequiredUnlessOptional())
        .addMixIn(dev.mlat.core.model.identifier.Identifier.class, TypeProperty.class)
        .addMixIn(dev.mlat.core.model.measure.Measure.class, TypeProperty.class)
        .addMixIn(dev.mlat.core.model.Subject.class, TypeProperty.class)
        .addMixIn(dev.mlat.core.model.message.LifecycleMessage.class, MessageTypeProperty.class)
        .addModule(new Jdk8Module())
        .addModule(strictScalars())
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
        .withConfigOverride(List.class, o -> {
          o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
          o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY, Nulls.FAIL));
        })
        .withCoercionConfigDefaults(c -> {
          for (var shape : CoercionInputShape.values()) {
            c.setCoercion(shape, CoercionAction.Fail);
          }
          c.setAcceptBlankAsEmpty(false);
        });
    for (var type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
        LogicalType.DateTime, LogicalType.Enum, LogicalType.Collection, LogicalType.POJO, LogicalType.OtherScalar)) {
      builder.withCoercionConfig(type, c -> {
        for (var shape : CoercionInputShape.values()) {
          c.setCoercion(shape, CoercionAction.Fail);
        }
      });
    }
    for (var family : TypeNames.ALL) {
      family.subtypes().forEach((name, type) -> builder.registerSubtypes(new NamedType(type, name)));
    }
    var mapper = builder.build();
    mapper.getFactory().setStreamReadConstraints(constraints);
    mapper.getFactory().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    return mapper;
  }

  /** The pretty printer of the wire format: two spaces, {@code \n} line ends on every platform. */
  public static DefaultPrettyPrinter prettyPrinter() {
    var indenter = new DefaultIndenter("  ", "\n");
    var printer = new DefaultPrettyPrinter();
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  private static SimpleModule strictScalars() {
    var module = new SimpleModule("mlat-strict-scalars");
    module.addDeserializer(String.class, new StrictDeserializers.StrictString());
    module.addDeserializer(Integer.class, new StrictDeserializers.StrictInteger(Integer.class));
    module.addDeserializer(int.class, new StrictDeserializers.StrictInteger(int.class));
    module.addDeserializer(Long.class, new StrictDeserializers.StrictLong(Long.class));
    module.addDeserializer(long.class, new StrictDeserializers.StrictLong(long.class));
    module.addDeserializer(Boolean.class, new StrictDeserializers.StrictBoolean(Boolean.class));
    module.addDeserializer(boolean.class, new StrictDeserializers.StrictBoolean(boolean.class));
    module.addDeserializer(UUID.class, new StrictDeserializers.StrictUuid());
    module.addDeserializer(Instant.class, new StrictDeserializers.StrictInstant());
    module.addDeserializer(LocalDate.class, new StrictDeserializers.StrictLocalDate());
    module.addDeserializer(Jurisdiction.class, new StrictDeserializers.StrictJurisdiction());
    module.addDeserializer(PartyId.class, new StrictDeserializers.StrictPartyId());
    module.setDeserializerModifier(new StrictDeserializers.StrictEnums());
    module.addSerializer(Instant.class, new ToStringSerializer(Instant.class));
    module.addSerializer(LocalDate.class, new ToStringSerializer(LocalDate.class));
    module.addSerializer(PartyId.class, new ToStringSerializer(PartyId.class));
    module.addSerializer(Jurisdiction.class, new CodeSerializer());
    return module;
  }

  private static final class CodeSerializer extends StdSerializer<Jurisdiction> {
    private static final long serialVersionUID = 1L;

    CodeSerializer() {
      super(Jurisdiction.class);
    }

    @Override
    public void serialize(Jurisdiction value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.code());
    }
  }

  /**
   * Marks every record component whose type is neither {@link Optional} nor {@link List} as
   * required, so that a missing property is reported by name rather than as a failed constructor.
   */
  private static final class RequiredUnlessOptional extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
      Boolean explicit = super.hasRequiredMarker(member);
      if (explicit != null) {
        return explicit;
      }
      Class<?> raw = member.getRawType();
      if (raw == null || member.getDeclaringClass() == null || !member.getDeclaringClass().isRecord()) {
        return null;
      }
      return !(Optional.class.equals(raw) || List.class.isAssignableFrom(raw));
    }
  }
}
