package io.ecsoperator.operator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chart's Argo CD customizations ({@code charts/ecs-operator/health/argocd-cm.yaml}) run by
 * Argo CD's own code: its settings manager reads the ConfigMap data and its Lua VM runs the health
 * script and the actions ({@code testbed/argocd-lua}, built by {@code testbed/install-argocd-lua}).
 */
public final class ArgoCd {

  /** What Argo CD shows. */
  public record Health(String status, String message) {}

  private final Path repoRoot;

  private ArgoCd(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /** The customizations shipped in the chart. */
  public static ArgoCd ofChart(Path repoRoot) {
    return new ArgoCd(repoRoot);
  }

  public Health health(JsonNode object) {
    JsonNode health = Json.parse(run(object, "health"));
    return new Health(health.path("status").asText(), health.path("message").asText());
  }

  /** The actions Argo CD offers for the object (its discovery script's result). */
  public List<String> actions(JsonNode object) {
    List<String> names = new ArrayList<>();
    Json.parse(run(object, "actions")).forEach(name -> names.add(name.asText()));
    return names;
  }

  /** The JSON merge patch Argo CD's API server sends when a user runs that action. */
  public JsonNode action(JsonNode object, String name) {
    return Json.parse(run(object, "action", name));
  }

  private String run(JsonNode object, String... command) {
    List<String> args = new ArrayList<>();
    args.add(BedTools.folder(repoRoot, "install-argocd-lua").resolve("argocd-lua").toString());
    args.addAll(List.of(command));
    args.add(repoRoot.resolve("charts/ecs-operator/health/argocd-cm.yaml").toString());
    return Processes.run(
            repoRoot,
            Map.of(),
            object.toString(),
            Duration.ofMinutes(1),
            args.toArray(String[]::new))
        .assertSuccess("argocd-lua " + String.join(" ", command))
        .stdout();
  }
}
