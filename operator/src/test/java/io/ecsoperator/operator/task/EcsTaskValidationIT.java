package io.ecsoperator.operator.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admission of EcsTask manifests by the real API server with the chart's CRDs (issue 12, DESIGN
 * §4): a bad manifest is refused naming the field, and the spec cannot change once created. No
 * operator runs here (no EcsTask controller exists yet): only the API server decides.
 */
class EcsTaskValidationIT extends ManifestValidation {

  /** The smallest valid spec. */
  private static final String MINIMAL = "task: {cluster: shop, taskDefinition: migrate}\n";

  EcsTaskValidationIT() {
    super("EcsTask", "ecstasks", "task-validation", "task");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid("no task", "backoffLimit: 1", "spec.task", "Required value"),
        invalid(
            "neither cluster nor clusterRef",
            "task: {taskDefinition: migrate}",
            "spec.task.cluster",
            "set exactly one of cluster and clusterRef"),
        invalid(
            "taskDefinition and taskDefinitionRef",
            "task: {cluster: shop, taskDefinition: migrate, taskDefinitionRef: {name: migrate}}",
            "spec.task.taskDefinition",
            "set exactly one of taskDefinition and taskDefinitionRef"),
        invalid(
            "launchType and capacityProviderStrategy",
            "task: {cluster: shop, taskDefinition: migrate, launchType: FARGATE,"
                + " capacityProviderStrategy: [{capacityProvider: FARGATE}]}",
            "spec.task.capacityProviderStrategy",
            "set launchType or capacityProviderStrategy, not both"),
        invalid(
            "11 tasks at once",
            "task: {cluster: shop, taskDefinition: migrate, count: 11}",
            "spec.task.count",
            "should be less than or equal to 10"),
        invalid(
            "a container overridden twice",
            "task: {cluster: shop, taskDefinition: migrate, overrides: {containerOverrides:"
                + " [{name: app}, {name: app}]}}",
            "spec.task.overrides.containerOverrides",
            "each container may be overridden once"),
        invalid(
            "a container override without its name",
            "task: {cluster: shop, taskDefinition: migrate, overrides: {containerOverrides:"
                + " [{command: [migrate]}]}}",
            "spec.task.overrides.containerOverrides[0].name",
            "Required value"),
        invalid(
            "propagateTags SERVICE",
            "task: {cluster: shop, taskDefinition: migrate, propagateTags: SERVICE}",
            "spec.task.propagateTags",
            "Unsupported value"),
        invalid(
            "a negative backoffLimit",
            MINIMAL + "backoffLimit: -1",
            "spec.backoffLimit",
            "should be greater than or equal to 0"),
        invalid(
            "activeDeadlineSeconds 0",
            MINIMAL + "activeDeadlineSeconds: 0",
            "spec.activeDeadlineSeconds",
            "should be greater than or equal to 1"),
        invalid(
            "a reserved tag",
            MINIMAL + "tags: {ecsoperator.io/owner: x}",
            "spec.tags",
            "reserved"));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("the smallest spec", MINIMAL),
        Arguments.of("the migration example", exampleSpec("migration-task.yaml")),
        Arguments.of(
            "a capacity provider strategy and ten tasks",
            "task: {cluster: shop, taskDefinition: batch:3, count: 10, capacityProviderStrategy:"
                + " [{capacityProvider: FARGATE_SPOT, weight: 1}]}\n"));
  }

  static Stream<Arguments> immutableChanges() {
    return Stream.of(
        Arguments.of(
            "the task definition",
            MINIMAL,
            MINIMAL.replace("migrate", "migrate:2"),
            "task is immutable"),
        Arguments.of(
            "the count",
            MINIMAL,
            "task: {cluster: shop, taskDefinition: migrate, count: 2}\n",
            "task is immutable"),
        Arguments.of(
            "backoffLimit",
            MINIMAL,
            MINIMAL + "backoffLimit: 3\n",
            "backoffLimit and activeDeadlineSeconds are immutable"),
        Arguments.of(
            "activeDeadlineSeconds added",
            MINIMAL,
            MINIMAL + "activeDeadlineSeconds: 60\n",
            "backoffLimit and activeDeadlineSeconds are immutable"),
        Arguments.of("tags", MINIMAL, MINIMAL + "tags: {team: web}\n", "tags are immutable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutableChanges")
  void theSpecCannotChangeOnceCreated(
      String name, String original, String changed, String message) {
    assertChangeRefused(original, changed, message);
  }

  @Test
  void deletionPolicyAndTtlCanStillChange() {
    String object = nextName();
    apply(manifest(object, MINIMAL)).assertSuccess("apply the original");

    apply(manifest(object, MINIMAL + "deletionPolicy: Retain\nttlSecondsAfterFinished: 60\n"))
        .assertSuccess("change deletionPolicy and ttlSecondsAfterFinished");

    assertThat(get(object, "{.spec.deletionPolicy} {.spec.ttlSecondsAfterFinished}"))
        .isEqualTo("Retain 60");
    assertThat(get(object, "{.spec.backoffLimit} {.spec.task.count} {.status.observedGeneration}"))
        .as("defaults, and R1: InProgress until the operator has seen it")
        .isEqualTo("0 1 -1");
  }
}
