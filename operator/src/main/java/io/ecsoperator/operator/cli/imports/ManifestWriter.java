package io.ecsoperator.operator.cli.imports;

import io.ecsoperator.reconcilers.json.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes imported objects as YAML manifests: apiVersion, kind, metadata, spec, and nothing else.
 */
public final class ManifestWriter {

  private static final String HEADER =
      "# Imported from AWS by ecs-operator import. adopt: true lets the first apply take over the"
          + " existing resource.\n";

  /** ManagedSpec's fields, in the order they are written after the kind's own. */
  private static final List<String> COMMON_FIELDS =
      List.of("region", "deletionPolicy", "managementPolicy", "tags", "adopt");

  private static final int COMMENT_WIDTH = 100;

  private ManifestWriter() {}

  /**
   * All objects as one multi-document YAML text.
   *
   * @param notes what to say about an object, written as comments above it
   */
  public static String toYaml(
      List<HasMetadata> objects, Function<HasMetadata, List<String>> notes) {
    StringBuilder out = new StringBuilder(HEADER);
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      notes.apply(objects.get(i)).forEach(note -> out.append(comment(note)));
      out.append(yaml().dump(document(objects.get(i))));
    }
    return out.toString();
  }

  /** One file per object in {@code folder}, named {@code <kind>-<name>.yaml}; the paths written. */
  public static List<Path> toFolder(
      List<HasMetadata> objects, Function<HasMetadata, List<String>> notes, Path folder)
      throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    for (HasMetadata object : objects) {
      Path file =
          folder.resolve(
              object.getKind().toLowerCase(Locale.ROOT)
                  + "-"
                  + object.getMetadata().getName()
                  + ".yaml");
      Files.writeString(file, toYaml(List.of(object), notes), StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }

  /** A note as comment lines of at most about 100 characters. */
  static String comment(String note) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder("#");
    for (String word : note.split(" ")) {
      if (line.length() > 1 && line.length() + 1 + word.length() > COMMENT_WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder("#");
      }
      line.append(' ').append(word);
    }
    return out.append(line).append('\n').toString();
  }

  private static Map<String, Object> document(HasMetadata object) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", object.getMetadata().getName());
    if (object.getMetadata().getNamespace() != null) {
      metadata.put("namespace", object.getMetadata().getNamespace());
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", object.getApiVersion());
    document.put("kind", object.getKind());
    document.put("metadata", metadata);
    document.put("spec", spec(((CustomResource<?, ?>) object).getSpec()));
    return document;
  }

  /** The kind's own fields first, then the ones every kind has, tags and adopt last. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Object spec) {
    Map<String, Object> fields = Json.MAPPER.convertValue(spec, Map.class);
    Map<String, Object> ordered = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          if (!COMMON_FIELDS.contains(key)) {
            ordered.put(key, value);
          }
        });
    COMMON_FIELDS.stream().filter(fields::containsKey).forEach(k -> ordered.put(k, fields.get(k)));
    return ordered;
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    return new Yaml(options);
  }
}
