package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  private static String outcomeOfInstant(String s) {
    try {
      return "ok " + StrictJson.instant(StrictJson.mapper().createObjectNode().put("t", s), "t", "$");
    } catch (StrictJson.Bad e) {
      return "bad " + e.getMessage();
    }
  }

  private static String throughInstantParse(String s) {
    try {
      Instant t = Instant.parse(s);
      return t.toString().equals(s) ? "ok " + t : "bad $.t: time must be written as " + t;
    } catch (java.time.format.DateTimeParseException e) {
      return "bad $.t: not an ISO-8601 UTC time";
    }
  }

  @Test
  void instantsAreReadAsInstantParseReadsThem() {
    List<String> cases = new ArrayList<>(List.of("2026-11-25T22:30:00Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:59:60Z", "2026-01-01T23:60:00Z",
        "2026-01-01T00:00:00.5Z", "2026-01-01T00:00Z", "2026-01-01t00:00:00Z", "2026-01-01T00:00:00z", "2026-01-01T00:00:00+00:00",
        "+2026-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01T0a:00:00Z", "２026-01-01T00:00:00Z", "", "x"));
    Random random = new Random(3);
    for (int i = 0; i < 2000; i++) {
      cases.add(Instant.ofEpochSecond(random.nextLong() % 253_402_300_800L).toString());
    }
    for (String s : cases) {
      assertThat(outcomeOfInstant(s)).as(s).isEqualTo(throughInstantParse(s));
    }
  }

  @Test
  void hexChecksMatchTheirRegularExpressions() {
    Random random = new Random(4);
    String alphabet = "0123456789abcdefABCDEFg-";
    for (int i = 0; i < 3000; i++) {
      int length = random.nextInt(4) == 0 ? 64 : random.nextInt(70);
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 16 : alphabet.length())));
      }
      String s = b.toString();
      assertThat(StrictJson.isSha256Hex(s)).as(s).isEqualTo(s.matches("[0-9a-f]{64}"));
      assertThat(StrictJson.isLowerHex(s) && s.length() % 32 == 0).as(s).isEqualTo(s.matches("([0-9a-f]{32})+"));
    }
  }

  private static String outcome(String json, boolean keep) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      if (!keep) {
        return "tree " + StrictJson.parseObject(bytes);
      }
      StrictJson.KeptRaw kept = StrictJson.parseObjectKeepingRaw(bytes, "message", 1000);
      return kept.raw().isPresent() ? "kept " + new String(kept.raw().get(), StandardCharsets.UTF_8) + " " + kept.object()
          : "tree " + kept.object();
    } catch (StrictJson.Bad e) {
      return "bad " + e.getMessage();
    }
  }

  @Test
  void keepingTheMessageAsBytesRefusesAndReadsWhatTheTreeDoes() throws Exception {
    String big = "{\"message\": {\"x\": \"" + "y".repeat(2000) + "\"}, \"a\": 1}";
    List<String> refusedOrTree = List.of("", "[]", "1", "{", "{\"message\": {\"a\": 1}", "{\"message\": {\"a\": 1, \"a\": 2}}",
        "{\"message\": {\"a\": 1}, \"message\": {\"a\": 1}}", "{\"message\": {\"a\": 1}} 2", "{\"message\": {\"a\": [1, }}",
        "{\"message\": null}", "{\"message\": [1]}", "{\"message\": \"text\"}", "{\"other\": {\"a\": 1}}", big,
        "{\"message\": {\"a\": \"\\ud800\"}}", "{\"message\": {" + "\"a\": {".repeat(70) + "}".repeat(71) + "}",
        "{\"message\": {\"n\": 123456789012345678901234567890}}", "{\"message\": {\"a\": 1}, \"b\": {\"c\": [1, 2]}} ");
    for (String json : refusedOrTree) {
      String kept = outcome(json, true);
      String tree = outcome(json, false);
      if (kept.startsWith("kept ")) {
        assertThat(tree).as(json).startsWith("tree ");
      } else {
        assertThat(kept).as(json).isEqualTo(tree);
      }
    }
    String doc = "{\n  \"format\" : \"f\",\n  \"message\" : {\n    \"a\" : [ 1, {\"b\": \"\\u00e9\\\"}\"} ],\n    \"c\" : { }\n  },"
        + "\n  \"attachments\" : [ ]\n}\n";
    StrictJson.KeptRaw kept = StrictJson.parseObjectKeepingRaw(doc.getBytes(StandardCharsets.UTF_8), "message", 1000);
    assertThat(new String(kept.raw().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("{\n    \"a\" : [ 1, {\"b\": \"\\u00e9\\\"}\"} ],\n    \"c\" : { }\n  }");
    ObjectNode full = StrictJson.parseObject(doc.getBytes(StandardCharsets.UTF_8));
    assertThat(kept.object().get("format")).isEqualTo(full.get("format"));
    assertThat(kept.object().get("attachments")).isEqualTo(full.get("attachments"));
    assertThat(kept.object().get("message")).isEqualTo(StrictJson.mapper().createObjectNode());
    assertThat(kept.object().size()).isEqualTo(full.size());
    assertThat(StrictJson.mapper().readTree(kept.raw().get())).isEqualTo(full.get("message"));
    // over the size given: the whole tree, as parseObject
    assertThat(StrictJson.parseObjectKeepingRaw(doc.getBytes(StandardCharsets.UTF_8), "message", 10).raw()).isEmpty();
    assertThat(StrictJson.parseObjectKeepingRaw(doc.getBytes(StandardCharsets.UTF_8), "message", 10).object()).isEqualTo(full);
    assertThat(outcome("{\"message\": {\"a\": 1}, \"m\": \"\u00e9\"}", true)).startsWith("kept {\"a\": 1}");
    assertThat(outcome("{\"message\": {\"a\": 1, \"a\": 2}}", true)).startsWith("bad $: not valid JSON (Duplicate field 'a'");
  }

  @Test
  void asciiAndUtf8AreReadAndEverythingElseIsRefusedAsNotUtf8() throws Exception {
    assertThat(StrictJson.parseObject("{\"a\": \"\u007f\"}".getBytes(StandardCharsets.UTF_8)).get("a").textValue()).isEqualTo("\u007f");
    assertThat(StrictJson.parseObject("{\"a\": \"\u00e9\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)).get("a").textValue())
        .isEqualTo("\u00e9\ud83d\ude00");
    byte[][] bad = {{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded surrogate
        {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'}, // Latin-1
        {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'}}; // over U+10FFFF
    for (byte[] b : bad) {
      try {
        StrictJson.parseObject(b);
        throw new AssertionError("accepted");
      } catch (StrictJson.Bad e) {
        assertThat(e.getMessage()).isEqualTo("$: not UTF-8");
      }
    }
  }

  @Test
  void theUtf8CheckIsTheDecodersOnNoncharactersOverlongFormsAndCutSequences() throws Exception {
    // U+FFFE and U+10FFFF are well-formed (the JDK decoder took them); a CESU-8 pair, an overlong
    // three-byte form and a sequence cut by the end of the document are not
    assertThat(StrictJson.parseObject("{\"a\": \"\ufffe\udbff\udfff\"}".getBytes(StandardCharsets.UTF_8)).get("a").textValue())
        .isEqualTo("\ufffe\udbff\udfff");
    byte[][] bad = {{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x81, (byte) 0xA9, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', 'x', '"', '}', (byte) 0xC3}};
    for (byte[] b : bad) {
      for (boolean keep : new boolean[] {true, false}) {
        try {
          if (keep) {
            StrictJson.parseObjectKeepingRaw(b, "message", 100);
          } else {
            StrictJson.parseObject(b);
          }
          throw new AssertionError("accepted");
        } catch (StrictJson.Bad e) {
          assertThat(e.getMessage()).isEqualTo("$: not UTF-8");
        }
      }
    }
  }

  @Test
  void notUtf8IsRefusedBothWays() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
    for (boolean keep : new boolean[] {true, false}) {
      try {
        if (keep) {
          StrictJson.parseObjectKeepingRaw(bad, "message", 1000);
        } else {
          StrictJson.parseObject(bad);
        }
        throw new AssertionError("accepted");
      } catch (StrictJson.Bad e) {
        assertThat(e.getMessage()).isEqualTo("$: not UTF-8");
      }
    }
  }
}
