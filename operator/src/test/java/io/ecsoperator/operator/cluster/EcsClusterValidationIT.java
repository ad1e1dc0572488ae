package io.ecsoperator.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Admission of EcsCluster manifests by the real API server with the chart's CRDs (OpenAPI + CEL,
 * DESIGN §4): a bad manifest is refused by {@code kubectl apply} with a message that names the
 * field. No operator runs here: only the API server decides.
 */
class EcsClusterValidationIT extends ManifestValidation {

  /** Every field of the spec, valid. */
  private static final String FULL_SPEC =
      """
      clusterName: shop_Prod-1
      region: eu-west-1
      settings:
        - name: containerInsights
          value: enhanced
      configuration:
        executeCommandConfiguration:
          kmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
          logging: OVERRIDE
          logConfiguration:
            cloudWatchLogGroupName: /ecs/exec/shop
            cloudWatchEncryptionEnabled: true
            s3BucketName: shop-exec-logs
            s3EncryptionEnabled: true
            s3KeyPrefix: exec/
        managedStorageConfiguration:
          kmsKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab
          fargateEphemeralStorageKmsKeyId: alias/fargate-storage
      capacityProviders: [FARGATE, FARGATE_SPOT, shop-asg_1]
      defaultCapacityProviderStrategy:
        - capacityProvider: FARGATE
          weight: 1
          base: 2
        - capacityProvider: FARGATE_SPOT
          weight: 1000
        - capacityProvider: shop-asg_1
          weight: 0
          base: 0
      serviceConnectDefaults:
        namespace: shop.internal
      deletionPolicy: Retain
      managementPolicy: Manage
      adopt: true
      tags:
        team: web
      """;

  EcsClusterValidationIT() {
    super("EcsCluster", "ecsclusters", "ecs-validation", "cluster");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid(
            "clusterName with a dot", "clusterName: shop.prod", "spec.clusterName", "should match"),
        invalid(
            "clusterName longer than 255 characters",
            "clusterName: " + "c".repeat(256),
            "spec.clusterName",
            "should match"),
        invalid(
            "unknown setting name",
            "settings: [{name: fireLens, value: enabled}]",
            "spec.settings[0].name",
            "Unsupported value: \"fireLens\""),
        invalid(
            "unknown containerInsights value",
            "settings: [{name: containerInsights, value: maybe}]",
            "spec.settings[0].value",
            "Unsupported value: \"maybe\""),
        invalid(
            "setting without value",
            "settings: [{name: containerInsights}]",
            "spec.settings[0].value",
            "Required value"),
        invalid(
            "a setting twice",
            """
            settings:
              - {name: containerInsights, value: enabled}
              - {name: containerInsights, value: disabled}
            """,
            "spec.settings",
            "each setting name may appear once"),
        invalid(
            "unknown logging",
            "configuration: {executeCommandConfiguration: {logging: VERBOSE}}",
            "spec.configuration.executeCommandConfiguration.logging",
            "Unsupported value: \"VERBOSE\""),
        invalid(
            "logging OVERRIDE without logConfiguration",
            "configuration: {executeCommandConfiguration: {logging: OVERRIDE}}",
            "spec.configuration.executeCommandConfiguration.logConfiguration",
            "logConfiguration is required with logging OVERRIDE"),
        invalid(
            "s3KeyPrefix without s3BucketName",
            """
            configuration:
              executeCommandConfiguration:
                logging: OVERRIDE
                logConfiguration: {cloudWatchLogGroupName: /ecs/exec, s3KeyPrefix: exec/}
            """,
            "spec.configuration.executeCommandConfiguration.logConfiguration.s3KeyPrefix",
            "s3KeyPrefix needs s3BucketName"),
        invalid(
            "empty managed storage kmsKeyId",
            "configuration: {managedStorageConfiguration: {kmsKeyId: \"\"}}",
            "spec.configuration.managedStorageConfiguration.kmsKeyId",
            "at least 1 chars long"),
        invalid(
            "capacity provider name with a slash",
            "capacityProviders: [FARGATE, \"team/asg\"]",
            "spec.capacityProviders[1]",
            "should match"),
        invalid(
            "a capacity provider twice",
            "capacityProviders: [FARGATE, FARGATE]",
            "spec.capacityProviders",
            "each capacity provider may appear once"),
        invalid(
            "21 capacity providers",
            "capacityProviders: ["
                + IntStream.rangeClosed(1, 21)
                    .mapToObj(i -> "p" + i)
                    .collect(Collectors.joining(","))
                + "]",
            "spec.capacityProviders",
            "must have at most 20 items"),
        invalid(
            "strategy weight above 1000",
            "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, weight: 1001}]",
            "spec.defaultCapacityProviderStrategy[0].weight",
            "should be less than or equal to 1000"),
        invalid(
            "negative strategy weight",
            "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, weight: -1}]",
            "spec.defaultCapacityProviderStrategy[0].weight",
            "should be greater than or equal to 0"),
        invalid(
            "strategy base above 100000",
            "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, weight: 1, base:"
                + " 100001}]",
            "spec.defaultCapacityProviderStrategy[0].base",
            "should be less than or equal to 100000"),
        invalid(
            "strategy item without capacityProvider",
            "defaultCapacityProviderStrategy: [{weight: 1}]",
            "spec.defaultCapacityProviderStrategy[0].capacityProvider",
            "set exactly one of capacityProvider and capacityProviderRef"),
        invalid(
            "a provider twice in the strategy",
            """
            defaultCapacityProviderStrategy:
              - {capacityProvider: FARGATE, weight: 1}
              - {capacityProvider: FARGATE, weight: 2}
            """,
            "spec.defaultCapacityProviderStrategy",
            "each capacity provider may appear once in the strategy"),
        invalid(
            "two providers with a base",
            """
            defaultCapacityProviderStrategy:
              - {capacityProvider: FARGATE, weight: 1, base: 1}
              - {capacityProvider: FARGATE_SPOT, weight: 1, base: 2}
            """,
            "spec.defaultCapacityProviderStrategy",
            "only one capacity provider of the strategy may have a base"),
        invalid(
            "several providers all of weight 0",
            """
            defaultCapacityProviderStrategy:
              - {capacityProvider: FARGATE, base: 1}
              - {capacityProvider: FARGATE_SPOT, weight: 0}
            """,
            "spec.defaultCapacityProviderStrategy",
            "at least one capacity provider of the strategy must have a weight above 0"),
        invalid(
            "a strategy provider that is not associated",
            """
            capacityProviders: [FARGATE]
            defaultCapacityProviderStrategy:
              - {capacityProvider: FARGATE_SPOT, weight: 1}
            """,
            "spec.defaultCapacityProviderStrategy",
            "every provider of defaultCapacityProviderStrategy must be in capacityProviders"),
        invalid(
            "serviceConnectDefaults without namespace",
            "serviceConnectDefaults: {}",
            "spec.serviceConnectDefaults.namespace",
            "Required value"),
        invalid(
            "namespace name with a slash",
            "serviceConnectDefaults: {namespace: shop/internal}",
            "spec.serviceConnectDefaults.namespace",
            "should match"),
        invalid(
            "tag key with the aws: prefix",
            "tags: {\"AWS:team\": web}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"),
        invalid("49 tags", tags(49), "spec.tags", "must have at most 48 items"),
        invalid("region in upper case", "region: EU-WEST-1", "spec.region", "should match"),
        invalid(
            "unknown deletionPolicy",
            "deletionPolicy: Orphan",
            "spec.deletionPolicy",
            "Unsupported value: \"Orphan\""));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("the example", exampleSpec("ecs-cluster.yaml")),
        Arguments.of("every field", FULL_SPEC),
        Arguments.of("an empty spec", "{}"),
        Arguments.of(
            "empty lists remove providers and strategy",
            "capacityProviders: []\ndefaultCapacityProviderStrategy: []\n"),
        Arguments.of(
            "a strategy without capacityProviders (AWS checks the association)",
            "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE}]"),
        Arguments.of(
            "an empty namespace removes the Service Connect default",
            "serviceConnectDefaults: {namespace: \"\"}"),
        Arguments.of(
            "a namespace ARN",
            "serviceConnectDefaults: {namespace:"
                + " \"arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abcdefgh\"}"),
        Arguments.of("48 tags", tags(48)));
  }

  @ParameterizedTest(name = "metadata.name {0} without spec.clusterName")
  @ValueSource(strings = {"shop.prod", "a.b"})
  void anObjectNameThatIsNoClusterNameNeedsClusterName(String object) {
    Processes.Result result = apply(manifest(object, "settings: []"));

    assertRefused(result);
    assertThat(result.stderr())
        .contains("spec.clusterName:")
        .contains("metadata.name is not a valid ECS cluster name");

    apply(manifest(object, "clusterName: shop-prod"))
        .assertSuccess("the same name with spec.clusterName");
  }

  private static final String IMMUTABLE_BASE =
      """
      clusterName: fixed
      region: eu-west-1
      settings:
        - {name: containerInsights, value: enabled}
      """;

  static Stream<Arguments> immutableChanges() {
    return Stream.of(
        Arguments.of(
            "clusterName changed",
            IMMUTABLE_BASE.replace("clusterName: fixed", "clusterName: renamed"),
            "clusterName is immutable"),
        Arguments.of(
            "clusterName removed",
            IMMUTABLE_BASE.replace("clusterName: fixed\n", ""),
            "clusterName is immutable"),
        Arguments.of(
            "region changed",
            IMMUTABLE_BASE.replace("eu-west-1", "us-east-1"),
            "region is immutable"),
        Arguments.of(
            "region removed",
            IMMUTABLE_BASE.replace("region: eu-west-1\n", ""),
            "region is immutable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutableChanges")
  void changingAnImmutableFieldIsRefused(String name, String changedSpec, String message) {
    assertChangeRefused(IMMUTABLE_BASE, changedSpec, message);
  }

  @Test
  void mutableFieldsOfAnExistingObjectCanStillChange() {
    String object = nextName();
    apply(manifest(object, IMMUTABLE_BASE)).assertSuccess("apply the original");

    apply(
            manifest(
                object,
                IMMUTABLE_BASE.replace("value: enabled", "value: disabled")
                    + "capacityProviders: [FARGATE]\n"))
        .assertSuccess("apply a change of mutable fields");

    assertThat(
            get(
                object,
                "{.spec.settings[0].value} {.spec.capacityProviders[0]} {.spec.clusterName}"))
        .isEqualTo("disabled FARGATE fixed");
  }

  @Test
  void aNewObjectShowsInProgressStatusAndThePrinterColumns() {
    String object = nextName();
    apply(manifest(object, "clusterName: columns")).assertSuccess("apply");

    assertThat(get(object, "{.status.observedGeneration}"))
        .as("R1: a new object is InProgress until the operator has seen it")
        .isEqualTo("-1");
    String header =
        bed.kubectl("get", "ecsclusters", "-n", namespace, "-o", "wide")
            .assertSuccess("get -o wide")
            .stdout()
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(header.split("\\s+")).containsExactly("NAME", "READY", "STATUS", "AGE", "ARN");
  }
}
