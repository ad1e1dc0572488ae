package io.ecsoperator.reconcilers.taskdefinition;

import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.WEB;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.WORKER;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.json;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.spec;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskDefinitionNormalizerTest {

  private static ObjectNode normalize(String yaml) {
    return TaskDefinitionNormalizer.normalize(spec(yaml));
  }

  @Test
  void describeOutputBecomesTheReviewedCanonicalForm() {
    // canonical-*.json were reviewed by hand: no read-only fields, no AWS defaults, no empty
    // lists, containers / environment / secrets sorted by name, cpu and memory as numbers.
    assertThat(TaskDefinitionNormalizer.normalize(taskDefinition(WEB)))
        .isEqualTo(json("canonical-web.json"));
    assertThat(TaskDefinitionNormalizer.normalize(taskDefinition(WORKER)))
        .isEqualTo(json("canonical-worker-ec2.json"));
  }

  @Test
  void sdkModelAndDescribeJsonNormalizeAlike() {
    assertThat(TaskDefinitionNormalizer.normalize(json(WEB)))
        .isEqualTo(TaskDefinitionNormalizer.normalize(taskDefinition(WEB)));
    assertThat(TaskDefinitionNormalizer.normalize(json(WEB).get("taskDefinition")))
        .isEqualTo(TaskDefinitionNormalizer.normalize(taskDefinition(WEB)));
  }

  @Test
  void canonicalFormHasOnlyRegisterTaskDefinitionContent() {
    ObjectNode form =
        normalize(
            """
            family: web
            region: eu-west-1
            deletionPolicy: Retain
            managementPolicy: ObserveOnly
            adopt: true
            revisionHistoryLimit: 3
            tags: {team: web}
            containerDefinitions: [{name: web, image: nginx:1.27}]
            """);

    assertThat(fieldNames(form)).containsExactly("containerDefinitions");
    assertThat(TaskDefinitionNormalizer.FIELDS).doesNotContain("family", "tags");
    assertThat(fieldNames(TaskDefinitionNormalizer.normalize(json(WEB))))
        .doesNotContainAnyElementsOf(TaskDefinitionNormalizer.READ_ONLY_FIELDS)
        .doesNotContain("family", "tags");
  }

  @Test
  void stripReadOnlyRemovesExactlyTheReadOnlyFields() {
    JsonNode described = json(WEB).get("taskDefinition");

    ObjectNode stripped = TaskDefinitionNormalizer.stripReadOnly(described);

    List<String> removed = fieldNames((ObjectNode) described);
    removed.removeAll(fieldNames(stripped));
    assertThat(removed)
        .containsExactlyInAnyOrder(
            "taskDefinitionArn",
            "revision",
            "status",
            "compatibilities",
            "requiresAttributes",
            "registeredAt",
            "registeredBy");
    assertThat(described.has("taskDefinitionArn")).as("the input is left alone").isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "1 vCPU, 1024",
    "1 vcpu, 1024",
    "1vCPU, 1024",
    "0.25 vCPU, 256",
    "0.5 vCPU, 512",
    "16 vCPU, 16384",
    "1024, 1024",
    "' 512 ', 512",
    "0.3 vCPU, 0.3 vCPU",
  })
  void cpuUnits(String given, String expected) {
    assertThat(TaskDefinitionNormalizer.cpuUnits(given)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "2 GB, 2048",
    "2GB, 2048",
    "2 gb, 2048",
    "0.5 GB, 512",
    "120 GB, 122880",
    "2048, 2048",
  })
  void memoryMib(String given, String expected) {
    assertThat(TaskDefinitionNormalizer.memoryMib(given)).isEqualTo(expected);
  }

  @Test
  void missingCpuAndMemoryStayMissing() {
    assertThat(TaskDefinitionNormalizer.cpuUnits(null)).isNull();
    assertThat(TaskDefinitionNormalizer.memoryMib(null)).isNull();
    assertThat(normalize("containerDefinitions: [{name: a, image: b}]").has("cpu")).isFalse();
  }

  @Test
  void emptyListsAndObjectsEqualAbsentAtEveryDepth() {
    ObjectNode bare =
        normalize(
            """
            containerDefinitions:
              - name: web
                image: nginx:1.27
                logConfiguration:
                  logDriver: awslogs
            """);
    ObjectNode empties =
        normalize(
            """
            volumes: []
            placementConstraints: []
            requiresCompatibilities: []
            proxyConfiguration: {containerName: "", properties: []}
            ephemeralStorage: {}
            containerDefinitions:
              - name: web
                image: nginx:1.27
                links: []
                entryPoint: []
                user: ""
                environment: []
                environmentFiles: []
                mountPoints: []
                volumesFrom: []
                secrets: []
                dependsOn: []
                dnsServers: []
                extraHosts: []
                dockerLabels: {}
                ulimits: []
                systemControls: []
                resourceRequirements: []
                credentialSpecs: []
                linuxParameters:
                  capabilities: {add: [], drop: []}
                  devices: []
                  tmpfs: []
                logConfiguration:
                  logDriver: awslogs
                  options: {}
                  secretOptions: []
            """);

    assertThat(empties).isEqualTo(bare);
  }

  @Test
  void zeroValueListElementsAreDropped() {
    ObjectNode withEmptyElements =
        normalize(
            """
            containerDefinitions:
              - name: web
                image: nginx:1.27
                mountPoints: [{}, {readOnly: false}]
                systemControls: [{}]
                environment: [{name: UNSET}, {name: EMPTY, value: ""}]
                portMappings: [{}, {containerPort: 80}]
            """);

    assertThat(withEmptyElements)
        .isEqualTo(
            normalize(
                """
                containerDefinitions:
                  - name: web
                    image: nginx:1.27
                    portMappings: [{containerPort: 80}]
                """));
  }

  @Test
  void falseBooleansEqualAbsentButEssentialFalseIsKept() {
    ObjectNode form =
        normalize(
            """
            enableFaultInjection: false
            containerDefinitions:
              - name: app
                image: nginx:1.27
                essential: false
                privileged: false
                interactive: false
                readonlyRootFilesystem: false
              - name: sidecar
                image: busybox
                essential: true
            """);

    JsonNode app = form.get("containerDefinitions").get(0);
    assertThat(fieldNames((ObjectNode) app)).containsExactly("essential", "image", "name");
    assertThat(app.get("essential").asBoolean()).isFalse();
    assertThat(form.get("containerDefinitions").get(1).has("essential")).isFalse();
    assertThat(form.has("enableFaultInjection")).isFalse();
  }

  @Test
  void hostPortEqualToContainerPortIsDroppedOnlyWithAwsvpcAndHostNetworking() {
    String ports =
        """
        containerDefinitions:
          - name: web
            image: nginx:1.27
            portMappings: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 0}]
        """;

    for (String mode : List.of("awsvpc", "host")) {
      JsonNode mappings =
          normalize("networkMode: " + mode + "\n" + ports)
              .at("/containerDefinitions/0/portMappings");
      assertThat(mappings.toString()).isEqualTo("[{\"containerPort\":80},{\"containerPort\":81}]");
    }
    JsonNode bridge =
        normalize("networkMode: bridge\n" + ports).at("/containerDefinitions/0/portMappings");
    assertThat(bridge.toString())
        .isEqualTo("[{\"containerPort\":80,\"hostPort\":80},{\"containerPort\":81}]");
  }

  @Test
  void documentedDefaultsEqualAbsent() {
    ObjectNode defaults =
        normalize(
            """
            networkMode: bridge
            runtimePlatform: {cpuArchitecture: X86_64, operatingSystemFamily: LINUX}
            proxyConfiguration: {type: APPMESH, containerName: envoy}
            volumes:
              - name: docker
                dockerVolumeConfiguration: {scope: task, driver: local}
              - name: efs
                efsVolumeConfiguration:
                  fileSystemId: fs-1
                  rootDirectory: /
                  transitEncryption: DISABLED
                  authorizationConfig: {iam: DISABLED}
            containerDefinitions:
              - name: web
                image: nginx:1.27
                cpu: 0
                essential: true
                versionConsistency: enabled
                portMappings: [{containerPort: 80, protocol: tcp, hostPort: 0}]
                healthCheck: {command: [CMD, /ok], interval: 30, timeout: 5, retries: 3, startPeriod: 0}
            """);
    ObjectNode bare =
        normalize(
            """
            proxyConfiguration: {containerName: envoy}
            volumes:
              - name: docker
                dockerVolumeConfiguration: {driver: local}
              - name: efs
                efsVolumeConfiguration: {fileSystemId: fs-1}
            containerDefinitions:
              - name: web
                image: nginx:1.27
                portMappings: [{containerPort: 80}]
                healthCheck: {command: [CMD, /ok]}
            """);

    assertThat(defaults).isEqualTo(bare);
  }

  @Test
  void valuesOtherThanTheDefaultsAreKept() {
    ObjectNode form =
        normalize(
            """
            networkMode: host
            runtimePlatform: {cpuArchitecture: ARM64, operatingSystemFamily: WINDOWS_SERVER_2022_CORE}
            containerDefinitions:
              - name: web
                image: nginx:1.27
                cpu: 128
                versionConsistency: disabled
                portMappings: [{containerPort: 53, protocol: udp}]
                healthCheck: {command: [CMD, /ok], interval: 10, timeout: 2, retries: 5, startPeriod: 20}
            """);

    assertThat(form.get("networkMode").asText()).isEqualTo("host");
    assertThat(form.get("runtimePlatform").size()).isEqualTo(2);
    JsonNode web = form.at("/containerDefinitions/0");
    assertThat(web.get("cpu").asInt()).isEqualTo(128);
    assertThat(web.get("versionConsistency").asText()).isEqualTo("disabled");
    assertThat(web.at("/portMappings/0/protocol").asText()).isEqualTo("udp");
    assertThat(web.get("healthCheck").size()).isEqualTo(5);
  }

  @Test
  void setLikeListsHaveOneOrderAndOrderedListsKeepTheirs() {
    String a =
        """
        requiresCompatibilities: [FARGATE, EC2]
        placementConstraints:
          - {type: memberOf, expression: "attribute:b"}
          - {type: memberOf, expression: "attribute:a"}
        volumes: [{name: z}, {name: a}]
        containerDefinitions:
          - name: web
            image: nginx:1.27
            command: [b, a]
            dnsServers: [10.0.0.2, 10.0.0.1]
            portMappings: [{containerPort: 443}, {containerPort: 80}]
            mountPoints: [{sourceVolume: z, containerPath: /z}, {sourceVolume: a, containerPath: /a}]
            volumesFrom: [{sourceContainer: y}, {sourceContainer: x}]
            ulimits: [{name: nproc, softLimit: 1, hardLimit: 1}, {name: core, softLimit: 0, hardLimit: 0}]
            linuxParameters: {capabilities: {drop: [SYS_ADMIN, NET_RAW]}}
          - name: sidecar
            image: busybox
        """;
    String b =
        """
        requiresCompatibilities: [EC2, FARGATE, EC2]
        placementConstraints:
          - {type: memberOf, expression: "attribute:a"}
          - {type: memberOf, expression: "attribute:b"}
        volumes: [{name: a}, {name: z}]
        containerDefinitions:
          - name: sidecar
            image: busybox
          - name: web
            image: nginx:1.27
            command: [b, a]
            dnsServers: [10.0.0.2, 10.0.0.1]
            portMappings: [{containerPort: 80}, {containerPort: 443}]
            mountPoints: [{sourceVolume: a, containerPath: /a}, {sourceVolume: z, containerPath: /z}]
            volumesFrom: [{sourceContainer: x}, {sourceContainer: y}]
            ulimits: [{name: core, softLimit: 0, hardLimit: 0}, {name: nproc, softLimit: 1, hardLimit: 1}]
            linuxParameters: {capabilities: {drop: [NET_RAW, SYS_ADMIN]}}
        """;

    assertThat(normalize(a)).isEqualTo(normalize(b));
    assertThat(normalize(a).get("requiresCompatibilities").toString())
        .isEqualTo("[\"EC2\",\"FARGATE\"]");
    JsonNode web = normalize(a).at("/containerDefinitions/1");
    assertThat(web.get("command").toString()).isEqualTo("[\"b\",\"a\"]");
    assertThat(web.get("dnsServers").toString()).isEqualTo("[\"10.0.0.2\",\"10.0.0.1\"]");
    assertThat(normalize(a))
        .isNotEqualTo(normalize(a.replace("command: [b, a]", "command: [a, b]")));
  }

  @Test
  void mapKeysKeepTheirCaseAndEmptyMapValuesAreValues() {
    ObjectNode form =
        normalize(
            """
            containerDefinitions:
              - name: web
                image: nginx:1.27
                dockerLabels: {Team: web, team: other, traefik.enable: ""}
                logConfiguration:
                  logDriver: awsfirelens
                  options: {Name: cloudwatch, Log_Group_Name: /ecs/web}
            """);

    JsonNode web = form.at("/containerDefinitions/0");
    assertThat(fieldNames((ObjectNode) web.get("dockerLabels")))
        .containsExactly("Team", "team", "traefik.enable");
    assertThat(web.at("/dockerLabels/traefik.enable").asText()).isEmpty();
    assertThat(fieldNames((ObjectNode) web.at("/logConfiguration/options")))
        .containsExactly("Log_Group_Name", "Name");
  }

  @Test
  void fieldsAndEnumValuesAwsAddsLaterAreIgnored() {
    ObjectNode future = json(WEB).get("taskDefinition").deepCopy();
    future.put("someFieldAwsAddsNextYear", "x");
    ((ObjectNode) future.at("/containerDefinitions/0")).put("anotherNewField", true);
    ((ObjectNode) future.at("/containerDefinitions/1/logConfiguration"))
        .put("logDriver", "brand-new-driver");

    ObjectNode form = TaskDefinitionNormalizer.normalize(future);

    assertThat(form.toString()).doesNotContain("someFieldAwsAddsNextYear", "anotherNewField");
    assertThat(form.at("/containerDefinitions/0/logConfiguration").has("logDriver")).isFalse();
    assertThat(form.at("/containerDefinitions/1/image").asText()).endsWith("team/web:1.4.2");
  }

  private static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
