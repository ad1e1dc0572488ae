package io.ecsoperator.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.testsupport.ArgoCd;
import io.ecsoperator.operator.testsupport.ArgoCd.Health;
import io.ecsoperator.operator.testsupport.Repo;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's Argo CD customizations run by Argo CD's own code, against statuses shaped like the
 * ones the operator writes at each phase of the status contract (DESIGN §5), and the EcsService
 * actions.
 */
class ArgoCdHealthScriptTest {

  private static final Path REPO = Repo.root();
  private static final Path HEALTH = REPO.resolve("charts/ecs-operator/health");
  private static final String HOOK = "3f6c1d0a";
  private static final String DEPLOYMENT =
      "arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/web/Ns5GKpN1zYw0aGMPMbPcL";
  private final ArgoCd argoCd = ArgoCd.ofChart(REPO);

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
  void aDeploymentAwaitingApprovalIsSuspended() {
    String paused = "deployment Ns5G paused at POST_TEST_TRAFFIC_SHIFT: hook 3f6c awaits approval";
    Health h =
        evaluate(
            2,
            status(
                2,
                condition("Ready", "False", "AwaitingApproval", paused),
                condition("Reconciling", "True", "AwaitingApproval", paused)));

    assertThat(h).isEqualTo(new Health("Suspended", paused));
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
  void anEcsServiceOffersRestartWhichSetsOnlyRestartedAtToNow() {
    JsonNode service = Json.parse(object(1, null, ""));
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    assertThat(argoCd.actions(service)).containsExactly("restart");
    JsonNode patch = argoCd.action(service, "restart");

    assertThat(patch.properties()).as("patch %s", patch).hasSize(1);
    assertThat(patch.path("spec").properties()).as("patch %s", patch).hasSize(1);
    Instant restartedAt = Instant.parse(patch.at("/spec/restartedAt").asText());
    assertThat(restartedAt).isBetween(before, Instant.now());
  }

  @Test
  void aPausedDeploymentOffersApproveAndRollbackWhichNameItsHook() {
    JsonNode service = Json.parse(object(2, rollout("IN_PROGRESS", "AWAITING_ACTION"), ""));

    assertThat(argoCd.actions(service)).containsExactlyInAnyOrder("restart", "approve", "rollback");
    assertThat(argoCd.action(service, "approve"))
        .isEqualTo(annotationPatch("ecsoperator.io/approve", HOOK));
    assertThat(argoCd.action(service, "rollback"))
        .isEqualTo(annotationPatch("ecsoperator.io/rollback", HOOK));
  }

  @Test
  void aRunningDeploymentWithoutAPauseOffersRollbackOfTheDeployment() {
    JsonNode service = Json.parse(object(2, rollout("IN_PROGRESS", "IN_PROGRESS"), ""));

    assertThat(argoCd.actions(service)).containsExactlyInAnyOrder("restart", "rollback");
    assertThat(argoCd.action(service, "rollback"))
        .isEqualTo(annotationPatch("ecsoperator.io/rollback", DEPLOYMENT));
  }

  @Test
  void aFinishedDeploymentOffersNeitherApproveNorRollback() {
    JsonNode service = Json.parse(object(2, rollout("SUCCESSFUL", null), ""));

    assertThat(argoCd.actions(service)).containsExactly("restart");
  }

  @Test
  void approveKeepsTheObjectsOtherAnnotations() {
    JsonNode service =
        Json.parse(
            object(
                2,
                rollout("IN_PROGRESS", "AWAITING_ACTION"),
                ",\"annotations\":{\"team\":\"checkout\"}"));

    assertThat(argoCd.action(service, "approve"))
        .isEqualTo(annotationPatch("ecsoperator.io/approve", HOOK));
  }

  @Test
  void theArgoCdConfigMapSnippetCarriesTheLuaFilesBesideIt() throws IOException {
    Map<String, Object> snippet = yaml(Files.readString(HEALTH.resolve("argocd-cm.yaml")));
    Map<String, Object> customizations =
        yaml((String) yaml(snippet.get("data")).get("resource.customizations"));
    Map<String, Object> actions =
        yaml((String) yaml(customizations.get("ecsoperator.io/EcsService")).get("actions"));
    List<?> definitions = (List<?>) actions.get("definitions");

    assertThat(customizations).containsOnlyKeys("ecsoperator.io/*", "ecsoperator.io/EcsService");
    assertThat(yaml(customizations.get("ecsoperator.io/*")).get("health.lua"))
        .isEqualTo(Files.readString(HEALTH.resolve("argocd-health.lua")));
    assertThat(actions.get("discovery.lua"))
        .isEqualTo(Files.readString(HEALTH.resolve("argocd-actions.lua")));
    assertThat(definitions)
        .extracting(d -> yaml(d).get("name"))
        .containsExactly("restart", "approve", "rollback");
    for (Object definition : definitions) {
      Map<String, Object> action = yaml(definition);
      assertThat(action.get("action.lua"))
          .as("action %s", action.get("name"))
          .isEqualTo(Files.readString(HEALTH.resolve("argocd-" + action.get("name") + ".lua")));
    }
  }

  /** A YAML mapping, from its text or as already parsed. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Object mapping) {
    return (Map<String, Object>) (mapping instanceof String text ? new Yaml().load(text) : mapping);
  }

  private Health evaluate(long generation, String status) {
    return argoCd.health(Json.parse(object(generation, status, "")));
  }

  private Health evaluateDeleting(String status) {
    return argoCd.health(
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

  /** A status whose rollout tracks DEPLOYMENT in {@code status}, waiting on HOOK if given. */
  private static String rollout(String status, String hookStatus) {
    String hook =
        hookStatus == null
            ? ""
            : """
                , "pendingHook": {"hookId": "%s", "targetType": "PAUSE",
                 "stage": "POST_TEST_TRAFFIC_SHIFT", "status": "%s"}"""
                .formatted(HOOK, hookStatus);
    return """
        {"observedGeneration": 2, "rollout": {"strategy": "BLUE_GREEN",
         "serviceDeploymentArn": "%s", "status": "%s"%s}}"""
        .formatted(DEPLOYMENT, status, hook);
  }

  private static JsonNode annotationPatch(String annotation, String value) {
    return Json.parse(
        "{\"metadata\": {\"annotations\": {\"%s\": \"%s\"}}}".formatted(annotation, value));
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
