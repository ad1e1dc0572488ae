package io.ecsoperator.reconcilers.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts AWS SDK v2 model objects to and from JSON with the AWS API's member names (the names the
 * AWS CLI prints, which the CRDs copy), by walking the SDK's own field metadata. Enum members are
 * read and written as AWS's raw strings, so values the SDK does not know survive.
 */
public final class SdkJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Scalar members by their Java type (others, e.g. Instant, as their text). */
  private static final Map<Class<?>, Function<Object, JsonNode>> SCALARS_TO_JSON =
      Map.of(
          String.class, v -> NODES.textNode((String) v),
          Boolean.class, v -> NODES.booleanNode((Boolean) v),
          Integer.class, v -> NODES.numberNode((Integer) v),
          Long.class, v -> NODES.numberNode((Long) v),
          Double.class, v -> NODES.numberNode((Double) v),
          Float.class, v -> NODES.numberNode((Float) v),
          BigDecimal.class, v -> NODES.numberNode((BigDecimal) v));

  /** Scalar members by their AWS type. */
  private static final Map<MarshallingType<?>, Function<JsonNode, Object>> SCALARS_FROM_JSON =
      Map.of(
          MarshallingType.STRING, JsonNode::asText,
          MarshallingType.BOOLEAN, JsonNode::asBoolean,
          MarshallingType.INTEGER, JsonNode::asInt,
          MarshallingType.LONG, JsonNode::asLong,
          MarshallingType.DOUBLE, JsonNode::asDouble,
          MarshallingType.FLOAT, v -> (float) v.asDouble(),
          MarshallingType.BIG_DECIMAL, JsonNode::decimalValue,
          MarshallingType.INSTANT, SdkJson::instant);

  private SdkJson() {}

  /** The object as JSON; members that were never set are left out. */
  public static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode json = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      JsonNode value = valueToJson(field, field.getValueOrDefault(pojo));
      if (value != null) {
        json.set(field.locationName(), value);
      }
    }
    return json;
  }

  /**
   * Fills an SDK builder (e.g. {@code TaskDefinition.builder()}) from JSON and builds it. Members
   * the model does not have are ignored, as the SDK ignores them in AWS responses.
   */
  @SuppressWarnings("unchecked")
  public static <T> T fromJson(JsonNode json, SdkBuilder<?, T> builder) {
    fill((SdkPojo) builder, json);
    return builder.build();
  }

  private static JsonNode valueToJson(SdkField<?> field, Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList
        || value instanceof SdkAutoConstructMap) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return toJson((SdkPojo) value);
    }
    if (type == MarshallingType.DOCUMENT) {
      return documentToJson((Document) value);
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode array = NODES.arrayNode();
      for (Object item : (List<?>) value) {
        JsonNode element = valueToJson(member, item);
        array.add(element == null ? NODES.nullNode() : element);
      }
      return array;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      ObjectNode map = NODES.objectNode();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        JsonNode element = valueToJson(member, entry.getValue());
        map.set(String.valueOf(entry.getKey()), element == null ? NODES.nullNode() : element);
      }
      return map;
    }
    return scalarToJson(value);
  }

  private static JsonNode scalarToJson(Object value) {
    Function<Object, JsonNode> toJson = SCALARS_TO_JSON.get(value.getClass());
    return toJson == null ? NODES.textNode(value.toString()) : toJson.apply(value);
  }

  /** A free-form document member (e.g. a deployment hook's details) as the JSON it stands for. */
  private static JsonNode documentToJson(Document document) {
    if (document.isNull()) {
      return NODES.nullNode();
    }
    if (document.isBoolean()) {
      return NODES.booleanNode(document.asBoolean());
    }
    if (document.isString()) {
      return NODES.textNode(document.asString());
    }
    if (document.isNumber()) {
      return numberToJson(document.asNumber().bigDecimalValue());
    }
    if (document.isList()) {
      ArrayNode array = NODES.arrayNode();
      document.asList().forEach(item -> array.add(documentToJson(item)));
      return array;
    }
    ObjectNode map = NODES.objectNode();
    document.asMap().forEach((key, item) -> map.set(key, documentToJson(item)));
    return map;
  }

  /** Whole numbers as Jackson reads them from text (int, then long), others as doubles. */
  private static JsonNode numberToJson(BigDecimal number) {
    try {
      return NODES.numberNode(number.intValueExact());
    } catch (ArithmeticException notAnInt) {
      try {
        return NODES.numberNode(number.longValueExact());
      } catch (ArithmeticException notALong) {
        return NODES.numberNode(number.doubleValue());
      }
    }
  }

  private static Document documentFromJson(JsonNode json) {
    if (json.isObject()) {
      Map<String, Document> map = new LinkedHashMap<>();
      json.fields().forEachRemaining(e -> map.put(e.getKey(), documentFromJson(e.getValue())));
      return Document.fromMap(map);
    }
    if (json.isArray()) {
      List<Document> list = new ArrayList<>();
      json.forEach(item -> list.add(documentFromJson(item)));
      return Document.fromList(list);
    }
    if (json.isNumber()) {
      return Document.fromNumber(json.decimalValue());
    }
    if (json.isBoolean()) {
      return Document.fromBoolean(json.asBoolean());
    }
    return json.isNull() ? Document.fromNull() : Document.fromString(json.asText());
  }

  private static void fill(SdkPojo builder, JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + json);
    }
    for (SdkField<?> field : builder.sdkFields()) {
      JsonNode value = json.get(field.locationName());
      if (value != null && !value.isNull()) {
        field.set(builder, valueFromJson(field, value));
      }
    }
  }

  private static Object valueFromJson(SdkField<?> field, JsonNode value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(nested, value);
      return ((SdkBuilder<?, ?>) nested).build();
    }
    if (type == MarshallingType.DOCUMENT) {
      return documentFromJson(value);
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(item.isNull() ? null : valueFromJson(member, item)));
      return list;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        map.put(
            entry.getKey(),
            entry.getValue().isNull() ? null : valueFromJson(member, entry.getValue()));
      }
      return map;
    }
    return scalarFromJson(type, value);
  }

  private static Object scalarFromJson(MarshallingType<?> type, JsonNode value) {
    Function<JsonNode, Object> fromJson = SCALARS_FROM_JSON.get(type);
    if (fromJson == null) {
      throw new IllegalArgumentException("unsupported AWS member type " + type);
    }
    return fromJson.apply(value);
  }

  /** The AWS CLI prints times as ISO 8601 with an offset; the wire format uses epoch seconds. */
  private static Instant instant(JsonNode value) {
    if (value.isNumber()) {
      BigDecimal seconds = value.decimalValue();
      return Instant.ofEpochSecond(
          seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    return OffsetDateTime.parse(value.asText()).toInstant();
  }
}
