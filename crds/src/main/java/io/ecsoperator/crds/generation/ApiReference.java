package io.ecsoperator.crds.generation;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the API reference (every kind and field with its type, default, validation and
 * description) as Markdown from the generated CRDs, so the reference says exactly what the API
 * server enforces. Run at build time: {@code ApiReference <CRD folder> <Markdown file>}.
 */
public final class ApiReference {

  private static final String HEADER =
      """
      # API reference

      <!-- Generated from the CRDs by ApiReference: ./mvnw -pl crds -P update-crds process-classes -->

      Every kind of the `ecsoperator.io` group and every field, as the CRDs define them: the API
      server applies the defaults and rejects what breaks the validation. `required` marks fields
      an object must set; CEL rules are quoted with the message the API server returns.
      """;

  private ApiReference() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    Files.createDirectories(out.getParent());
    Files.writeString(out, render(Path.of(args[0])));
  }

  /** The reference of the {@code *-v1.yml} CRDs in that folder, kinds in alphabetical order. */
  public static String render(Path crdFolder) throws IOException {
    List<CustomResourceDefinition> crds;
    try (Stream<Path> files = Files.list(crdFolder)) {
      crds =
          files
              .filter(f -> f.toString().endsWith("-v1.yml"))
              .map(ApiReference::read)
              .sorted(Comparator.comparing(c -> c.getSpec().getNames().getKind()))
              .toList();
    }
    StringBuilder md = new StringBuilder(HEADER);
    md.append('\n');
    for (CustomResourceDefinition crd : crds) {
      String kind = crd.getSpec().getNames().getKind();
      md.append("- [").append(kind).append("](#").append(kind.toLowerCase()).append(")\n");
    }
    for (CustomResourceDefinition crd : crds) {
      md.append('\n').append(kind(crd));
    }
    return md.toString();
  }

  private static CustomResourceDefinition read(Path file) {
    try {
      return Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kind(CustomResourceDefinition crd) {
    var names = crd.getSpec().getNames();
    StringBuilder md = new StringBuilder("## ").append(names.getKind()).append("\n\n");
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      md.append("`apiVersion: ")
          .append(crd.getSpec().getGroup())
          .append('/')
          .append(version.getName())
          .append("`, ")
          .append(crd.getSpec().getScope().toLowerCase())
          .append(", `kubectl get ")
          .append(names.getPlural())
          .append('`');
      if (names.getShortNames() != null && !names.getShortNames().isEmpty()) {
        md.append(" (short: `").append(String.join("`, `", names.getShortNames())).append("`)");
      }
      md.append("\n\n| field | type | default | validation | description |\n");
      md.append("| --- | --- | --- | --- | --- |\n");
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      for (String section : List.of("spec", "status")) {
        JSONSchemaProps schema = root.getProperties().get(section);
        if (schema != null) {
          fields(md, section, schema, isRequired(root, section));
        }
      }
    }
    return md.toString();
  }

  private static void fields(StringBuilder md, String path, JSONSchemaProps schema, boolean req) {
    md.append("| `")
        .append(path)
        .append("` | ")
        .append(type(schema))
        .append(" | ")
        .append(schema.getDefault() == null ? "" : "`" + cell(schema.getDefault().toString()) + "`")
        .append(" | ")
        .append(cell(validation(schema, req)))
        .append(" | ")
        .append(cell(schema.getDescription() == null ? "" : schema.getDescription()))
        .append(" |\n");
    JSONSchemaProps element = elementOf(schema);
    String prefix = element == schema ? path + "." : path + suffix(schema);
    if (element.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> field : element.getProperties().entrySet()) {
        fields(md, prefix + field.getKey(), field.getValue(), isRequired(element, field.getKey()));
      }
    }
  }

  /** The schema whose properties a field's children are: itself, its items or its map values. */
  private static JSONSchemaProps elementOf(JSONSchemaProps schema) {
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      return elementOf(schema.getItems().getSchema());
    }
    if (schema.getAdditionalProperties() != null
        && schema.getAdditionalProperties().getSchema() != null) {
      return elementOf(schema.getAdditionalProperties().getSchema());
    }
    return schema;
  }

  private static String suffix(JSONSchemaProps schema) {
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      return "[]" + suffix(schema.getItems().getSchema());
    }
    if (schema.getAdditionalProperties() != null
        && schema.getAdditionalProperties().getSchema() != null) {
      return ".<key>" + suffix(schema.getAdditionalProperties().getSchema());
    }
    return ".";
  }

  private static String type(JSONSchemaProps schema) {
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      return "integer or string";
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      return "array of " + type(schema.getItems().getSchema());
    }
    if (schema.getAdditionalProperties() != null
        && schema.getAdditionalProperties().getSchema() != null) {
      return "map of " + type(schema.getAdditionalProperties().getSchema());
    }
    String type = schema.getType() == null ? "any" : schema.getType();
    return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
  }

  private static String validation(JSONSchemaProps schema, boolean required) {
    List<String> rules = new ArrayList<>();
    if (required) {
      rules.add("required");
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      rules.add(
          "one of "
              + schema.getEnum().stream()
                  .map(v -> "`" + v.asText() + "`")
                  .collect(Collectors.joining(", ")));
    }
    bound(rules, "minimum", schema.getMinimum());
    bound(rules, "maximum", schema.getMaximum());
    bound(rules, "min length", schema.getMinLength());
    bound(rules, "max length", schema.getMaxLength());
    bound(rules, "min items", schema.getMinItems());
    bound(rules, "max items", schema.getMaxItems());
    bound(rules, "min properties", schema.getMinProperties());
    bound(rules, "max properties", schema.getMaxProperties());
    if (schema.getPattern() != null) {
      rules.add("pattern `" + schema.getPattern() + "`");
    }
    if (Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
      rules.add("any fields kept");
    }
    if (schema.getXKubernetesValidations() != null) {
      for (ValidationRule rule : schema.getXKubernetesValidations()) {
        rules.add(
            "CEL `"
                + rule.getRule()
                + "`"
                + (rule.getMessage() == null ? "" : ": " + rule.getMessage()));
      }
    }
    return String.join("; ", rules);
  }

  private static void bound(List<String> rules, String name, Number value) {
    if (value != null) {
      rules.add(name + " " + (value.doubleValue() % 1 == 0 ? "" + value.longValue() : value));
    }
  }

  private static boolean isRequired(JSONSchemaProps parent, String field) {
    return parent.getRequired() != null && parent.getRequired().contains(field);
  }

  /** One table cell: pipes escaped, line breaks flattened. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
