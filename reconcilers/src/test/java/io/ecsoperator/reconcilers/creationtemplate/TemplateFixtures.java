package io.ecsoperator.reconcilers.creationtemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import software.amazon.awssdk.services.ecr.model.RepositoryCreationTemplate;

/**
 * Templates from the output of {@code aws ecr describe-repository-creation-templates} saved under
 * {@code fixtures/ecr/}, through the SDK's own builders and the real reader's model.
 */
final class TemplateFixtures {

  /** The SDK builders' setters take the CLI's field names, in any case ("Key" for key). */
  private static final JsonMapper SDK_SHAPES =
      JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();

  private TemplateFixtures() {}

  /** The template of this prefix in the fixture, as the reader models it. */
  static EcrRepositoryCreationTemplateState template(String fixture, String prefix) {
    JsonNode output = load(fixture);
    for (JsonNode json : output.get("repositoryCreationTemplates")) {
      if (json.get("prefix").asText().equals(prefix)) {
        return EcrRepositoryCreationTemplateReader.state(
            sdkTemplate((ObjectNode) json.deepCopy()),
            output.get("registryId").asText(),
            new CreationClaim(null));
      }
    }
    throw new IllegalArgumentException("no template " + prefix + " in " + fixture);
  }

  /** The SDK's builder read from the CLI's JSON; the CLI prints times as ISO 8601. */
  private static RepositoryCreationTemplate sdkTemplate(ObjectNode json) {
    Instant createdAt = OffsetDateTime.parse(json.remove("createdAt").asText()).toInstant();
    json.remove("updatedAt");
    try {
      return SDK_SHAPES
          .treeToValue(json, RepositoryCreationTemplate.serializableBuilderClass())
          .createdAt(createdAt)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode load(String fixture) {
    String resource = "/fixtures/ecr/" + fixture;
    try (InputStream in = TemplateFixtures.class.getResourceAsStream(resource)) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
