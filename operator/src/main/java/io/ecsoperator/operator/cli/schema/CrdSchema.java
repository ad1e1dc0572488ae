package io.ecsoperator.operator.cli.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI schema of one CRD, applied to a manifest the way the API server applies it: null
 * fields dropped, defaults filled in, then types, enums, required fields, patterns, lengths, ranges
 * and sizes checked, unknown fields refused, and only then the CEL rules evaluated. The generated
 * CRD is the single source of truth, so the CLI refuses exactly what {@code kubectl apply} does.
 */
public final class CrdSchema {

  /** Every keyword the walker understands; a CRD using another one fails loudly when loaded. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "description",
          "properties",
          "additionalProperties",
          "items",
          "required",
          "enum",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minItems",
          "maxItems",
          "minProperties",
          "maxProperties",
          "default",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-int-or-string",
          "x-kubernetes-validations");

  private static final Set<String> RULE_KEYS = Set.of("rule", "message", "fieldPath", "reason");

  private final JsonNode root;
  private final CelRules cel;

  private CrdSchema(JsonNode root, CelRules cel) {
    this.root = root;
    this.cel = cel;
    checkSupported(root, "openAPIV3Schema");
  }

  /** The schema of the served version of the CRD at this class-path resource. */
  public static CrdSchema fromClasspath(String resource, String version, CelRules cel) {
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + resource + " is not on the class path");
      }
      Object crd = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return new CrdSchema(schemaOf(Json.MAPPER.valueToTree(crd), version), cel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schemaOf(JsonNode crd, String version) {
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (version.equals(v.path("name").asText())) {
        return v.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException("the CRD has no version " + version);
  }

  /**
   * A rule of the CRD with its message.
   *
   * @param compiled the rule, compiled: building this list fails on a rule our CEL cannot compile
   */
  public record RuleMessage(CelRules.Rule compiled, String message) {}

  /** Every CEL rule of the CRD. */
  public List<RuleMessage> rules() {
    List<RuleMessage> rules = new ArrayList<>();
    collectRules(root, rules);
    return rules;
  }

  private void collectRules(JsonNode schema, List<RuleMessage> into) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      into.add(
          new RuleMessage(cel.compile(rule.path("rule").asText()), rule.path("message").asText()));
    }
    schema.path("properties").forEach(child -> collectRules(child, into));
    if (schema.path("items").isObject()) {
      collectRules(schema.path("items"), into);
    }
    if (schema.path("additionalProperties").isObject()) {
      collectRules(schema.path("additionalProperties"), into);
    }
  }

  /**
   * Checks {@code object} (the root: apiVersion, kind, metadata, spec) in place: drops nulls, fills
   * in defaults, turns numbers into longs and doubles as CEL expects, and returns what is wrong.
   * CEL rules run only when the structure is right, as their input would be meaningless otherwise.
   */
  public List<Violation> validate(Map<String, Object> object) {
    List<Violation> violations = new ArrayList<>();
    Object checked = walk(root, object, "", violations, true);
    if (checked instanceof Map<?, ?> map && checked != object) {
      object.clear();
      map.forEach((k, v) -> object.put((String) k, v));
    }
    if (violations.isEmpty()) {
      evaluateRules(root, object, "", violations);
    }
    return violations;
  }

  // --- structure ---------------------------------------------------------------------------

  private Object walk(
      JsonNode schema, Object value, String path, List<Violation> out, boolean isRoot) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
      return checkIntOrString(value, path, out);
    }
    String type = schema.path("type").asText("");
    Object typed =
        switch (type) {
          case "object" -> walkObject(schema, value, path, out, isRoot);
          case "array" -> walkArray(schema, value, path, out);
          case "string" -> checkString(schema, value, path, out);
          case "integer" -> checkInteger(schema, value, path, out);
          case "number" -> checkNumber(schema, value, path, out);
          case "boolean" -> typeCheck(value instanceof Boolean, "boolean", value, path, out);
          case "" -> value; // x-kubernetes-preserve-unknown-fields without a type
          default -> throw new IllegalStateException("unsupported schema type " + type);
        };
    if (typed != null && schema.has("enum")) {
      checkEnum(schema.path("enum"), typed, path, out);
    }
    return typed;
  }

  private Object walkObject(
      JsonNode schema, Object value, String path, List<Violation> out, boolean isRoot) {
    if (!(value instanceof Map<?, ?> raw)) {
      return typeCheck(false, "object", value, path, out);
    }
    Map<String, Object> map = stringKeys(raw, path, out);
    if (map == null) {
      return value;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    boolean keepUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    map.values().removeIf(Objects::isNull);
    properties
        .fields()
        .forEachRemaining(
            p -> {
              if (!map.containsKey(p.getKey()) && p.getValue().has("default")) {
                map.put(p.getKey(), plain(p.getValue().get("default")));
              }
            });
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String key = entry.getKey();
      if (isRoot && (key.equals("apiVersion") || key.equals("kind") || key.equals("metadata"))) {
        continue; // checked by the manifest reader: the CRD's schema does not describe them
      }
      String childPath = isRoot ? key : path + "." + key;
      if (properties.has(key)) {
        entry.setValue(walk(properties.get(key), entry.getValue(), childPath, out, false));
      } else if (additional.isObject()) {
        // kube-openapi names map entries with a dot; CEL errors (below) use brackets.
        entry.setValue(walk(additional, entry.getValue(), childPath, out, false));
      } else if (!keepUnknown) {
        out.add(new Violation(childPath, "unknown field \"" + key + "\""));
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!map.containsKey(required.asText())) {
        String childPath = isRoot ? required.asText() : path + "." + required.asText();
        out.add(new Violation(childPath, "Required value"));
      }
    }
    int size = map.size();
    if (schema.has("maxProperties") && size > schema.get("maxProperties").asInt()) {
      out.add(
          new Violation(
              path,
              "Too many: "
                  + size
                  + ": must have at most "
                  + schema.get("maxProperties")
                  + " items"));
    }
    if (schema.has("minProperties") && size < schema.get("minProperties").asInt()) {
      out.add(
          new Violation(
              path, "should have at least " + schema.get("minProperties") + " properties"));
    }
    return map;
  }

  private Object walkArray(JsonNode schema, Object value, String path, List<Violation> out) {
    if (!(value instanceof List<?> raw)) {
      return typeCheck(false, "array", value, path, out);
    }
    List<Object> list = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object item = raw.get(i);
      String itemPath = path + "[" + i + "]";
      if (item == null) {
        out.add(new Violation(itemPath, "Invalid value: null: items may not be null"));
      } else {
        list.add(walk(schema.path("items"), item, itemPath, out, false));
      }
    }
    if (schema.has("maxItems") && list.size() > schema.get("maxItems").asInt()) {
      out.add(
          new Violation(
              path,
              "Too many: "
                  + list.size()
                  + ": must have at most "
                  + schema.get("maxItems")
                  + " items"));
    }
    if (schema.has("minItems") && list.size() < schema.get("minItems").asInt()) {
      out.add(
          new Violation(
              path,
              "Invalid value: "
                  + list.size()
                  + ": should have at least "
                  + schema.get("minItems")
                  + " items"));
    }
    return list;
  }

  private Object checkString(JsonNode schema, Object value, String path, List<Violation> out) {
    if (!(value instanceof String s)) {
      return typeCheck(false, "string", value, path, out);
    }
    int length = s.codePointCount(0, s.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      out.add(
          new Violation(
              path, "Too long: may not be longer than " + schema.get("maxLength") + " characters"));
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      out.add(
          new Violation(
              path,
              "Invalid value: "
                  + quoted(s)
                  + ": should be at least "
                  + schema.get("minLength")
                  + " chars long"));
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
      out.add(
          new Violation(
              path,
              "Invalid value: "
                  + quoted(s)
                  + ": should match '"
                  + schema.get("pattern").asText()
                  + "'"));
    }
    return s;
  }

  private Object checkInteger(JsonNode schema, Object value, String path, List<Violation> out) {
    BigDecimal number = integral(value);
    if (number == null) {
      return typeCheck(false, "integer", value, path, out);
    }
    if (number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        || number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      out.add(new Violation(path, "Invalid value: " + number + ": out of the 64-bit range"));
      return value;
    }
    checkRange(schema, number, path, out);
    return number.longValueExact();
  }

  private Object checkNumber(JsonNode schema, Object value, String path, List<Violation> out) {
    if (!(value instanceof Number n)) {
      return typeCheck(false, "number", value, path, out);
    }
    checkRange(schema, new BigDecimal(n.toString()), path, out);
    return n.doubleValue();
  }

  private static void checkRange(
      JsonNode schema, BigDecimal number, String path, List<Violation> out) {
    if (schema.has("minimum")) {
      BigDecimal min = schema.get("minimum").decimalValue().stripTrailingZeros();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean();
      if (exclusive ? number.compareTo(min) <= 0 : number.compareTo(min) < 0) {
        out.add(
            new Violation(
                path,
                "Invalid value: "
                    + number.toPlainString()
                    + ": should be greater than "
                    + (exclusive ? "" : "or equal to ")
                    + min.toPlainString()));
      }
    }
    if (schema.has("maximum")) {
      BigDecimal max = schema.get("maximum").decimalValue().stripTrailingZeros();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean();
      if (exclusive ? number.compareTo(max) >= 0 : number.compareTo(max) > 0) {
        out.add(
            new Violation(
                path,
                "Invalid value: "
                    + number.toPlainString()
                    + ": should be less than "
                    + (exclusive ? "" : "or equal to ")
                    + max.toPlainString()));
      }
    }
  }

  private static Object checkIntOrString(Object value, String path, List<Violation> out) {
    if (value instanceof String) {
      return value;
    }
    BigDecimal number = integral(value);
    if (number == null) {
      out.add(
          new Violation(
              path,
              "Invalid value: "
                  + render(value)
                  + ": must be an integer or a string, not "
                  + typeName(value)));
      return value;
    }
    return number.longValue();
  }

  private static void checkEnum(JsonNode allowed, Object value, String path, List<Violation> out) {
    JsonNode given = Json.MAPPER.valueToTree(value);
    for (JsonNode candidate : allowed) {
      if (candidate.equals(given)
          || candidate.isNumber()
              && given.isNumber()
              && candidate.decimalValue().compareTo(given.decimalValue()) == 0) {
        return;
      }
    }
    List<String> values = new ArrayList<>();
    allowed.forEach(v -> values.add(v.toString()));
    out.add(
        new Violation(
            path,
            "Unsupported value: "
                + render(value)
                + ": supported values: "
                + String.join(", ", values)));
  }

  /** A YAML mapping with string keys, or null (reported) when a key is not a string. */
  private static Map<String, Object> stringKeys(Map<?, ?> raw, String path, List<Violation> out) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : raw.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        out.add(
            new Violation(
                path, "Invalid value: key " + render(entry.getKey()) + ": keys must be strings"));
        return null;
      }
      map.put(key, entry.getValue());
    }
    return map;
  }

  private static Object typeCheck(
      boolean ok, String expected, Object value, String path, List<Violation> out) {
    if (!ok) {
      out.add(
          new Violation(
              path,
              "Invalid value: "
                  + render(value)
                  + ": must be of type "
                  + expected
                  + ", not "
                  + typeName(value)));
    }
    return value;
  }

  private static BigDecimal integral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return new BigDecimal(value.toString());
    }
    return null;
  }

  private static String typeName(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (integral(value) != null) {
      return "integer";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  // --- CEL rules ---------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private void evaluateRules(JsonNode schema, Object value, String path, List<Violation> out) {
    if (value instanceof Map<?, ?> map) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        String key = entry.getKey();
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (properties.has(key)) {
          evaluateRules(properties.get(key), entry.getValue(), childPath, out);
        } else if (additional.isObject()) {
          evaluateRules(additional, entry.getValue(), path + "[" + key + "]", out);
        }
      }
    } else if (value instanceof List<?> list && schema.path("items").isObject()) {
      for (int i = 0; i < list.size(); i++) {
        evaluateRules(schema.path("items"), list.get(i), path + "[" + i + "]", out);
      }
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      CelRules.Rule compiled = cel.compile(rule.path("rule").asText());
      if (compiled.transition()) {
        continue; // needs the object as it was before an update
      }
      String failure = cel.failure(compiled, value);
      if (failure != null) {
        String fieldPath = rule.path("fieldPath").asText("");
        String at = fieldPath.isEmpty() ? path : (path + fieldPath).replaceFirst("^\\.", "");
        String message =
            rule.has("message")
                ? rule.get("message").asText()
                : "failed rule: " + rule.path("rule").asText();
        out.add(
            new Violation(at, "false".equals(failure) ? message : message + " (" + failure + ")"));
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A schema default as plain Java values, numbers as CEL wants them. */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  private static String render(Object value) {
    return value instanceof String s ? quoted(s) : Json.write(value);
  }

  private static String quoted(String s) {
    return Json.write(s);
  }

  private static void checkSupported(JsonNode schema, String path) {
    Iterator<String> names = schema.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!KEYWORDS.contains(name)) {
        throw new IllegalStateException(
            "the CLI's schema check does not support '" + name + "' (at " + path + ")");
      }
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      Set<String> unsupported =
          iterable(rule.fieldNames()).stream()
              .filter(k -> !RULE_KEYS.contains(k))
              .collect(Collectors.toSet());
      if (!unsupported.isEmpty()) {
        throw new IllegalStateException(
            "the CLI's rule check does not support " + unsupported + " (at " + path + ")");
      }
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(e -> checkSupported(e.getValue(), path + "." + e.getKey()));
    if (schema.path("items").isObject()) {
      checkSupported(schema.path("items"), path + "[]");
    }
    if (schema.path("additionalProperties").isObject()) {
      checkSupported(schema.path("additionalProperties"), path + "{}");
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
