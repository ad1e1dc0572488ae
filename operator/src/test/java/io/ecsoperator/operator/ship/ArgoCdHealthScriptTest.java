package io.ecsoperator.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ArgoCdHealth;
import io.ecsoperator.operator.testsupport.ArgoCdHealth.Health;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's Argo CD health script under a Lua interpreter, against statuses shaped like the ones
 * the operator writes at each phase of the status contract (DESIGN §5).
 */
class ArgoCdHealthScriptTest {

  private static final Path REPO = Repo.root();
  private final ArgoCdHealth health = ArgoCdHealth.ofChart(REPO);

  @Test
  void aNewObjectIsProgressingUntilTheOperatorHasSeenIt() {
    assertThat(evaluate(1, "{\"observedGeneration\": -1}"))
        .isEqualTo(new Health("Progressing", "Waiting for the operator to reconcile generation 1"));
    assertThat(evaluate(1, null).status()).isEqualTo("Progressing");
  }

  @Test
  void anEditNotYetReconciledIsProgressingEvenWhileTheOldGenerationIsReady() {
    Health h = evaluate(3, status(2, condition("Ready", "True", "InSync", "in sync with AWS")));

    assertThat(h)
        .isEqualTo(new Health("Progressing", "Waiting for the operator to reconcile generation 3"));
  }

  @Test
  void workInProgressIsProgressingWithTheOperatorsMessage() {
    Health h =
        evaluate(
            2,
            status(
                2,
                condition(
                    "Ready", "False", "RolloutInProgress", "deployment ecs-svc/1 IN_PROGRESS"),
                condition(
                    "Reconciling",
                    "True",
                    "RolloutInProgress",
                    "deployment ecs-svc/1 IN_PROGRESS")));

    assertThat(h).isEqualTo(new Health("Progressing", "deployment ecs-svc/1 IN_PROGRESS"));
  }

  @Test
  void aTerminalErrorIsDegradedWithAwssMessage() {
    String aws =
        "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section";
    Health h =
        evaluate(
            4,
            status(
                4,
                condition("Ready", "False", "ClientException", aws),
                condition("Stalled", "True", "ClientException", aws)));

    assertThat(h).isEqualTo(new Health("Degraded", aws));
  }

  @Test
  void doneIsHealthy() {
    Health h = evaluate(1, status(1, condition("Ready", "True", "InSync", "in sync with AWS")));

    assertThat(h).isEqualTo(new Health("Healthy", "in sync with AWS"));
  }

  @Test
  void observeOnlyDriftIsDegraded() {
    String drift =
        "observe-only: AWS differs from the spec in imageScanningConfiguration.scanOnPush";
    Health h = evaluate(1, status(1, condition("Ready", "False", "DriftDetected", drift)));

    assertThat(h).isEqualTo(new Health("Degraded", drift));
  }

  @Test
  void deletingIsProgressingUnlessBlocked() {
    String waiting = "waiting for 2 services to drain before DeleteCluster";
    Health draining =
        evaluateDeleting(
            status(
                1,
                condition("Ready", "False", "ClusterHasServices", waiting),
                condition("Reconciling", "True", "ClusterHasServices", waiting)));
    assertThat(draining).isEqualTo(new Health("Progressing", "Deleting: " + waiting));

    String refused = "The repository contains images; set forceDelete to delete them";
    Health blocked =
        evaluateDeleting(
            status(
                1,
                condition("Ready", "False", "RepositoryNotEmpty", refused),
                condition("Stalled", "True", "RepositoryNotEmpty", refused)));
    assertThat(blocked).isEqualTo(new Health("Degraded", "Deletion blocked: " + refused));
  }

  @Test
  void theArgoCdConfigMapSnippetCarriesTheSameScriptForTheWholeGroup() throws IOException {
    Map<String, Object> snippet =
        new Yaml()
            .load(Files.readString(REPO.resolve("charts/ecs-operator/health/argocd-cm.yaml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) snippet.get("data");
    Map<String, Object> customizations =
        new Yaml().load((String) data.get("resource.customizations"));
    @SuppressWarnings("unchecked")
    Map<String, Object> group = (Map<String, Object>) customizations.get("ecsoperator.io/*");

    assertThat(customizations).containsOnlyKeys("ecsoperator.io/*");
    assertThat(group.get("health.lua"))
        .isEqualTo(Files.readString(REPO.resolve("charts/ecs-operator/health/argocd-health.lua")));
  }

  private Health evaluate(long generation, String status) {
    return health.evaluate(Json.parse(object(generation, status, "")));
  }

  private Health evaluateDeleting(String status) {
    return health.evaluate(
        Json.parse(
            object(
                1,
                status,
                ",\"deletionTimestamp\":\"2026-01-01T00:00:00Z\",\"finalizers\":[\"ecsoperator.io/finalizer\"]")));
  }

  private static String object(long generation, String status, String moreMetadata) {
    return """
        {"apiVersion": "ecsoperator.io/v1alpha1", "kind": "EcsService",
         "metadata": {"name": "web", "namespace": "shop", "generation": %d%s},
         "spec": {"desiredCount": 2}%s}
        """
        .formatted(generation, moreMetadata, status == null ? "" : ", \"status\": " + status);
  }

  private static String status(long observed, String... conditions) {
    return "{\"observedGeneration\": %d, \"conditions\": [%s]}"
        .formatted(observed, String.join(",", conditions));
  }

  private static String condition(String type, String status, String reason, String message) {
    return """
        {"type": "%s", "status": "%s", "reason": "%s", "message": "%s",
         "observedGeneration": 1, "lastTransitionTime": "2026-01-01T00:00:00Z"}
        """
        .formatted(type, status, reason, message);
  }
}
