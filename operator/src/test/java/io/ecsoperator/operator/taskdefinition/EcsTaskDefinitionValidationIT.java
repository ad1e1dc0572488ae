package io.ecsoperator.operator.taskdefinition;

import static io.ecsoperator.operator.taskdefinition.PastedTaskDefinitions.pastedYaml;
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
 * Admission of EcsTaskDefinition manifests by the real API server with the chart's CRDs (OpenAPI +
 * CEL, DESIGN §4): a bad manifest is refused by {@code kubectl apply} with a message that names the
 * field, and the output of a real describe-task-definition can be pasted as a spec. No operator
 * runs here: only the API server decides.
 */
class EcsTaskDefinitionValidationIT extends ManifestValidation {

  /** A valid Fargate task definition the cases below break one field at a time. */
  private static final String FARGATE = EcsTaskDefinitionValidationCases.FARGATE;

  EcsTaskDefinitionValidationIT() {
    super("EcsTaskDefinition", "ecstaskdefinitions", "ecstd-validation", "td");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid("family with a dot", "family: web.app\n" + FARGATE, "spec.family", "should match"),
        invalid(
            "Fargate with memory too large for its cpu",
            FARGATE.replace("memory: \"512\"", "memory: \"4096\""),
            "spec.cpu",
            "with FARGATE, cpu and memory are required and must be a Fargate combination"),
        invalid(
            "Fargate 1 vCPU with 1 GB",
            FARGATE
                .replace("cpu: \"256\"", "cpu: 1 vCPU")
                .replace("memory: \"512\"", "memory: 1GB"),
            "spec.cpu",
            "must be a Fargate combination"),
        invalid(
            "Fargate 4096 cpu with memory off the 1024 steps",
            FARGATE.replace("cpu: \"256\"", "cpu: \"4096\"").replace("\"512\"", "\"8500\""),
            "spec.cpu",
            "must be a Fargate combination"),
        invalid(
            "Fargate without cpu",
            FARGATE.replace("cpu: \"256\"\n", ""),
            "spec.cpu",
            "with FARGATE, cpu and memory are required"),
        invalid(
            "Fargate with bridge networking",
            FARGATE.replace("networkMode: awsvpc", "networkMode: bridge"),
            "spec.networkMode",
            "FARGATE needs networkMode awsvpc"),
        invalid(
            "Fargate without networkMode",
            FARGATE.replace("networkMode: awsvpc\n", ""),
            "spec.networkMode",
            "FARGATE needs networkMode awsvpc"),
        invalid(
            "awsvpc hostPort other than containerPort",
            FARGATE.replace("- containerPort: 80", "- {containerPort: 80, hostPort: 8080}"),
            "spec.containerDefinitions",
            "a portMapping's hostPort must equal its containerPort or be omitted"),
        invalid(
            "cpu in an unknown unit",
            FARGATE.replace("cpu: \"256\"", "cpu: 256m"),
            "spec.cpu",
            "should match"),
        invalid(
            "memory in MB",
            FARGATE.replace("memory: \"512\"", "memory: 512 MB"),
            "spec.memory",
            "should match"),
        invalid(
            "unknown networkMode",
            "networkMode: overlay\ncontainerDefinitions: [{name: web, image: nginx}]",
            "spec.networkMode",
            "Unsupported value: \"overlay\""),
        invalid(
            "no containers",
            "containerDefinitions: []",
            "spec.containerDefinitions",
            "should have at least 1 items"),
        invalid(
            "11 containers",
            "containerDefinitions:\n"
                + IntStream.rangeClosed(1, 11)
                    .mapToObj(i -> "  - {name: c" + i + ", image: nginx}\n")
                    .collect(Collectors.joining()),
            "spec.containerDefinitions",
            "must have at most 10 items"),
        invalid(
            "two containers of the same name",
            "containerDefinitions: [{name: web, image: nginx}, {name: web, image: envoy}]",
            "spec.containerDefinitions",
            "container names must be unique"),
        invalid(
            "no essential container",
            "containerDefinitions: [{name: web, image: nginx, essential: false}]",
            "spec.containerDefinitions",
            "at least one container must be essential"),
        invalid(
            "container without image",
            "containerDefinitions: [{name: web}]",
            "spec.containerDefinitions[0].image",
            "Required value"),
        invalid(
            "container name with a dot",
            "containerDefinitions: [{name: web.app, image: nginx}]",
            "spec.containerDefinitions[0].name",
            "should match"),
        invalid(
            "container port above 65535",
            "containerDefinitions: [{name: web, image: nginx, portMappings: [{containerPort:"
                + " 70000}]}]",
            "spec.containerDefinitions[0].portMappings[0].containerPort",
            "should be less than or equal to 65535"),
        invalid(
            "unknown port protocol",
            "containerDefinitions: [{name: web, image: nginx, portMappings: [{containerPort: 80,"
                + " protocol: sctp}]}]",
            "spec.containerDefinitions[0].portMappings[0].protocol",
            "Unsupported value: \"sctp\""),
        invalid(
            "health check interval below 5 seconds",
            "containerDefinitions: [{name: web, image: nginx, healthCheck: {command: [CMD, true],"
                + " interval: 4}}]",
            "spec.containerDefinitions[0].healthCheck.interval",
            "should be greater than or equal to 5"),
        invalid(
            "health check retries above 10",
            "containerDefinitions: [{name: web, image: nginx, healthCheck: {command: [CMD, true],"
                + " retries: 11}}]",
            "spec.containerDefinitions[0].healthCheck.retries",
            "should be less than or equal to 10"),
        invalid(
            "health check without command",
            "containerDefinitions: [{name: web, image: nginx, healthCheck: {interval: 10}}]",
            "spec.containerDefinitions[0].healthCheck.command",
            "Required value"),
        invalid(
            "unknown log driver",
            "containerDefinitions: [{name: web, image: nginx, logConfiguration: {logDriver:"
                + " loki}}]",
            "spec.containerDefinitions[0].logConfiguration.logDriver",
            "Unsupported value: \"loki\""),
        invalid(
            "container memory below 6 MiB",
            "containerDefinitions: [{name: web, image: nginx, memory: 4}]",
            "spec.containerDefinitions[0].memory",
            "should be greater than or equal to 6"),
        invalid(
            "ephemeral storage below 21 GiB",
            FARGATE + "ephemeralStorage: {sizeInGiB: 20}\n",
            "spec.ephemeralStorage.sizeInGiB",
            "should be greater than or equal to 21"),
        invalid(
            "two volumes of the same name",
            FARGATE + "volumes: [{name: data}, {name: data}]\n",
            "spec.volumes",
            "volume names must be unique"),
        invalid(
            "a compatibility twice",
            FARGATE.replace("[FARGATE]", "[FARGATE, FARGATE]"),
            "spec.requiresCompatibilities",
            "requiresCompatibilities must not repeat a value"),
        invalid(
            "negative revisionHistoryLimit",
            FARGATE + "revisionHistoryLimit: -1\n",
            "spec.revisionHistoryLimit",
            "should be greater than or equal to 0"),
        invalid(
            "48 tags", FARGATE + tags(48), "spec.tags", "a task definition takes at most 47 tags"),
        invalid(
            "tag key with the ecsoperator.io/ prefix",
            FARGATE + "tags: {\"ecsoperator.io/spec-hash\": forged}\n",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("the example", exampleSpec("fargate-web/task-definition.yaml")),
        Arguments.of("a Fargate minimum", FARGATE),
        Arguments.of(
            "Fargate sizes in vCPU and GB",
            FARGATE.replace("cpu: \"256\"", "cpu: 0.25 vCPU").replace("\"512\"", "0.5GB")),
        Arguments.of(
            "Fargate 16 vCPU with 120 GB",
            FARGATE.replace("cpu: \"256\"", "cpu: 16 vCPU").replace("\"512\"", "120 GB")),
        Arguments.of(
            "awsvpc hostPort equal to containerPort",
            FARGATE.replace("- containerPort: 80", "- {containerPort: 80, hostPort: 80}")),
        Arguments.of(
            "bridge with a dynamic host port and no task size",
            """
            networkMode: bridge
            containerDefinitions:
              - {name: web, image: nginx, memory: 256, portMappings: [{containerPort: 80, hostPort: 0}]}
            """),
        Arguments.of(
            "ten containers, one essential",
            "containerDefinitions:\n"
                + "  - {name: c0, image: nginx}\n"
                + IntStream.rangeClosed(1, 9)
                    .mapToObj(i -> "  - {name: c" + i + ", image: nginx, essential: false}\n")
                    .collect(Collectors.joining())),
        Arguments.of("47 tags", FARGATE + tags(47)),
        Arguments.of(
            "the real describe output of the example, pasted",
            pastedYaml(PastedTaskDefinitions.FARGATE_WEB)),
        Arguments.of(
            "the real describe output of a two-container Fargate app, pasted",
            pastedYaml("describe-task-definition-web.json")),
        Arguments.of(
            "the real describe output of an EC2 worker with volumes, pasted",
            pastedYaml("describe-task-definition-worker-ec2.json")));
  }

  /** The API server rejects what it does not know: a misspelt field is not silently dropped. */
  @Test
  void aFieldRegisterTaskDefinitionDoesNotHaveIsRefused() {
    String object = nextName();

    Processes.Result result = apply(manifest(object, FARGATE + "taskRole: web\n"));

    assertRefused(result);
    assertThat(result.stderr()).contains("unknown field \"spec.taskRole\"");
    assertNotStored(object, "nothing was stored");
  }

  @ParameterizedTest(name = "metadata.name {0} without spec.family")
  @ValueSource(strings = {"web.app", "a.b"})
  void anObjectNameThatIsNoFamilyNeedsFamily(String object) {
    Processes.Result result = apply(manifest(object, FARGATE));

    assertRefused(result);
    assertThat(result.stderr())
        .contains("spec.family:")
        .contains("metadata.name is not a valid task definition family");

    apply(manifest(object, "family: web-app\n" + FARGATE))
        .assertSuccess("the same name with spec.family");
  }

  private static final String IMMUTABLE_BASE = "family: fixed\nregion: eu-west-1\n" + FARGATE;

  static Stream<Arguments> immutableChanges() {
    return Stream.of(
        Arguments.of(
            "family changed",
            IMMUTABLE_BASE.replace("family: fixed", "family: renamed"),
            "family is immutable"),
        Arguments.of(
            "family removed", IMMUTABLE_BASE.replace("family: fixed\n", ""), "family is immutable"),
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
  void theContentOfAnExistingObjectCanChangeAndDefaultsAreFilledIn() {
    String object = nextName();
    apply(manifest(object, IMMUTABLE_BASE)).assertSuccess("apply the original");

    apply(manifest(object, IMMUTABLE_BASE.replace("nginx:1.27", "nginx:1.28")))
        .assertSuccess("apply a new image");

    assertThat(
            get(
                object,
                "{.spec.containerDefinitions[0].image} {.spec.family}"
                    + " {.spec.revisionHistoryLimit} {.spec.deletionPolicy} {.spec.adopt}"))
        .isEqualTo("nginx:1.28 fixed 10 Delete false");
  }

  @Test
  void aNewObjectShowsInProgressStatusAndThePrinterColumns() {
    String object = nextName();
    apply(manifest(object, FARGATE)).assertSuccess("apply");

    assertThat(get(object, "{.status.observedGeneration}"))
        .as("R1: a new object is InProgress until the operator has seen it")
        .isEqualTo("-1");
    String header =
        bed.kubectl("get", "ecstaskdefinitions", "-n", namespace, "-o", "wide")
            .assertSuccess("get -o wide")
            .stdout()
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(header.split("\\s+"))
        .containsExactly("NAME", "READY", "STATUS", "AGE", "REVISION", "ARN");
  }
}
