package io.ecsoperator.reconcilers.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.task.EcsTaskSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/** The RunTask request of an attempt, built from an EcsTask spec. */
class RunTaskRequestsTest {

  private static final ResourceRef REF =
      new ResourceRef("jobs", "migrate", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");

  private static final String SPEC =
      """
      {"task": {"clusterRef": {"name": "batch"}, "taskDefinitionRef": {"name": "migrate"},
        "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"],
          "assignPublicIp": "DISABLED"}},
        "overrides": {"containerOverrides": [{"name": "app", "command": ["migrate", "up"],
          "environment": [{"name": "LOCK", "value": "60s"}]}], "cpu": "512"},
        "count": 2, "group": "migrations", "propagateTags": "TASK_DEFINITION",
        "enableExecuteCommand": true},
       "tags": {"team": "data"}}
      """;

  private static final String REVISION =
      "arn:aws:ecs:eu-west-1:123456789012:task-definition/migrate:7";

  @Test
  void theTemplateGoesOverWithTheResolvedClusterAndPinnedRevision() throws Exception {
    RunTaskRequest request =
        RunTaskRequests.attempt(REF, spec(), "batch", REVISION, ProviderNames.NONE, 2);

    assertThat(request.cluster()).isEqualTo("batch");
    assertThat(request.taskDefinition()).isEqualTo(REVISION);
    assertThat(request.count()).isEqualTo(2);
    assertThat(request.group()).isEqualTo("migrations");
    assertThat(request.propagateTagsAsString()).isEqualTo("TASK_DEFINITION");
    assertThat(request.enableExecuteCommand()).isTrue();
    assertThat(request.capacityProviderStrategy().get(0).capacityProvider())
        .isEqualTo("FARGATE_SPOT");
    assertThat(request.networkConfiguration().awsvpcConfiguration().subnets())
        .containsExactly("subnet-0a1b2c3d");
    assertThat(request.overrides().cpu()).isEqualTo("512");
    assertThat(request.overrides().containerOverrides().get(0).command())
        .containsExactly("migrate", "up");
  }

  @Test
  void theAttemptIsFoundAgainByStartedByClientTokenAndTags() throws Exception {
    RunTaskRequest request =
        RunTaskRequests.attempt(REF, spec(), "batch", REVISION, ProviderNames.NONE, 2);

    assertThat(request.startedBy()).isEqualTo(REF.uid()).hasSizeLessThanOrEqualTo(36);
    assertThat(request.clientToken()).isEqualTo(REF.uid() + "-2").hasSizeLessThanOrEqualTo(64);
    assertThat(EcsTags.of(request.tags()))
        .containsEntry("team", "data")
        .containsEntry("ecsoperator.io/owner", "jobs/migrate")
        .containsEntry("ecsoperator.io/uid", REF.uid())
        .containsEntry("ecsoperator.io/attempt", "2");
  }

  @Test
  void aStrategyItemNamingAProviderObjectGoesOverWithTheProvidersAwsName() throws Exception {
    EcsTaskSpec spec = spec();
    spec.task.capacityProviderStrategy.get(0).capacityProvider = null;
    spec.task.capacityProviderStrategy.get(0).capacityProviderRef = new LocalObjectReference();
    spec.task.capacityProviderStrategy.get(0).capacityProviderRef.name = "spot";
    ProviderNames providers = new ProviderNames(Map.of("spot", "jobs-spot-asg"));

    RunTaskRequest request = RunTaskRequests.attempt(REF, spec, "batch", REVISION, providers, 1);

    assertThat(request.capacityProviderStrategy())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.capacityProvider()).isEqualTo("jobs-spot-asg");
              assertThat(item.weight()).isEqualTo(1);
            });
  }

  @Test
  void withoutUidTheCliFindsItsTasksByAnIdDerivedFromTheName() {
    ResourceRef cli = new ResourceRef("jobs", "migrate", null);

    assertThat(TaskIdentity.startedBy(cli))
        .hasSize(36)
        .isEqualTo(TaskIdentity.startedBy(new ResourceRef("jobs", "migrate", null)))
        .isNotEqualTo(TaskIdentity.startedBy(new ResourceRef("jobs", "other", null)));
  }

  private static EcsTaskSpec spec() throws Exception {
    return Json.MAPPER.readValue(SPEC, EcsTaskSpec.class);
  }
}
