package dev.mlat.core.testing;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for every type of the model, derived from the records themselves: a record is
 * built from arbitraries of its components, a sealed interface picks one of its permitted records,
 * {@code Optional} components are sometimes empty, lists have up to {@value #MAX_LIST} elements.
 * A measure or identifier added to the model is covered without touching this class.
 *
 * <p>Values are structurally valid (they construct) but not necessarily valid for validation:
 * strings are arbitrary Unicode text (no unpaired surrogates), numbers arbitrary. Shared with other
 * modules through mlat-core's test jar.
 */
public final class ModelArbitraries {

  /** Most elements in a generated list. */
  public static final int MAX_LIST = 3;

  private static final Map<Type, Arbitrary<?>> CACHE = new ConcurrentHashMap<>();
  private static final List<String> JURISDICTIONS;

  static {
    var codes = new ArrayList<String>(new java.util.TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)));
    codes.add("XK");
    for (var body : Jurisdiction.InternationalBody.values()) {
      codes.add(body.name());
    }
    JURISDICTIONS = List.copyOf(codes);
  }

  private ModelArbitraries() {}

  /** Any request. */
  public static Arbitrary<Request> requests() {
    return forType(Request.class);
  }

  /** Any lifecycle message, every type equally likely. */
  public static Arbitrary<LifecycleMessage> messages() {
    return forType(LifecycleMessage.class);
  }

  /** Text: printable ASCII, Latin-1, other BMP letters, escapes-worthy characters, and some astral characters. */
  public static Arbitrary<String> text() {
    Arbitrary<String> bmp = Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u00a0', '\u024f')
        .withCharRange('\u0400', '\u04ff')
        .withChars('"', '\\', '\n', '\t', '\u0000', '\u001f', '\u2028', '\uFEFF', '\uFFFD')
        .ofMaxLength(24);
    Arbitrary<String> astral = Arbitraries.of("\uD83D\uDD12", "\uD835\uDC00", "\uD840\uDC0B");
    return Combinators.combine(bmp, astral.optional(0.1)).as((s, a) -> a.map(x -> s + x).orElse(s));
  }

  public static Arbitrary<Jurisdiction> jurisdictions() {
    return Arbitraries.of(JURISDICTIONS).map(Jurisdiction::of);
  }

  public static Arbitrary<PartyId> partyIds() {
    Arbitrary<String> first = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(1);
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
        .withCharRange('0', '9').withChars('.', '_', '-').ofMaxLength(20);
    return Combinators.combine(jurisdictions(), first, rest).as((j, f, r) -> new PartyId(j, f + r));
  }

  public static Arbitrary<Instant> instants() {
    // 1970 to 2100, with whole seconds, milliseconds or nanoseconds.
    Arbitrary<Long> seconds = Arbitraries.longs().between(0, 4_102_444_800L);
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  public static Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /** An arbitrary for any model type: records, sealed interfaces, enums and the scalars they use. */
  @SuppressWarnings("unchecked")
  public static <T> Arbitrary<T> forType(Class<T> type) {
    return (Arbitrary<T>) forGenericType(type);
  }

  private static Arbitrary<?> forGenericType(Type type) {
    Arbitrary<?> cached = CACHE.get(type);
    if (cached != null) {
      return cached;
    }
    Arbitrary<?> created = create(type);
    CACHE.put(type, created);
    return created;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Arbitrary<?> create(Type type) {
    if (type instanceof ParameterizedType) {
      var parameterized = (ParameterizedType) type;
      Type element = parameterized.getActualTypeArguments()[0];
      if (parameterized.getRawType() == Optional.class) {
        return forGenericType(element).optional(0.7);
      }
      if (parameterized.getRawType() == List.class) {
        return forGenericType(element).list().ofMaxSize(MAX_LIST);
      }
      throw new IllegalArgumentException("no arbitrary for " + type);
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return text();
    }
    if (raw == Integer.class || raw == int.class) {
      return Arbitraries.integers();
    }
    if (raw == Long.class || raw == long.class) {
      return Arbitraries.longs();
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return Arbitraries.of(true, false);
    }
    if (raw == UUID.class) {
      return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }
    if (raw == Instant.class) {
      return instants();
    }
    if (raw == LocalDate.class) {
      return dates();
    }
    if (raw == Jurisdiction.class) {
      return jurisdictions();
    }
    if (raw == PartyId.class) {
      return partyIds();
    }
    if (raw.isEnum()) {
      return Arbitraries.of((Class<Enum>) raw);
    }
    if (raw.isSealed()) {
      var options = new ArrayList<Arbitrary<?>>();
      for (var permitted : raw.getPermittedSubclasses()) {
        options.add(forGenericType(permitted));
      }
      return Arbitraries.oneOf((List) options);
    }
    if (raw.isRecord()) {
      return record(raw);
    }
    throw new IllegalArgumentException("no arbitrary for " + type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Arbitrary<?> record(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    var arbitraries = new ArrayList<Arbitrary<Object>>();
    var parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
      Type generic = components[i].getGenericType();
      // Lazy, so that building the arbitrary of a deep record does not build everything eagerly.
      arbitraries.add(Arbitraries.lazy(() -> (Arbitrary) forGenericType(generic)));
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no canonical constructor in " + type, e);
    }
    if (components.length == 0) {
      return Arbitraries.create(() -> construct(constructor, new Object[0]));
    }
    return Combinators.combine(arbitraries).as(values -> construct(constructor, values.toArray()));
  }

  private static Object construct(Constructor<?> constructor, Object[] values) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass().getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
