package io.ecsoperator.reconcilers.taskdefinition;

import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.WEB;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.WORKER;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.pastedYaml;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.spec;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.tags;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class TaskDefinitionDiffTest {

  /**
   * What a user writes for the web fixture: units for cpu and memory, containers, environment,
   * secrets and ports in another order, and none of the defaults AWS fills in.
   */
  static final String WEB_SPEC =
      """
      family: web
      taskRoleArn: arn:aws:iam::123456789012:role/web-task
      executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
      networkMode: awsvpc
      requiresCompatibilities: [FARGATE]
      cpu: 1 vCPU
      memory: 2 GB
      runtimePlatform:
        cpuArchitecture: ARM64
      containerDefinitions:
        - name: otel-collector
          image: public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1
          memoryReservation: 128
          essential: false
          command: [--config=/etc/ecs/ecs-default-config.yaml]
          logConfiguration:
            logDriver: awslogs
            options:
              awslogs-group: /ecs/web
              awslogs-region: eu-west-1
              awslogs-stream-prefix: otel
          healthCheck:
            command: [CMD, /healthcheck]
        - name: web
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.4.2
          portMappings:
            - containerPort: 9090
            - containerPort: 8080
              name: web-8080-tcp
              appProtocol: http
          environment:
            - name: SERVER_PORT
              value: "8080"
            - name: JAVA_TOOL_OPTIONS
              value: -XX:MaxRAMPercentage=75
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://localhost:4317
            - name: SPRING_PROFILES_ACTIVE
              value: prod
          secrets:
            - name: API_KEY
              valueFrom: arn:aws:ssm:eu-west-1:123456789012:parameter/web/api-key
            - name: SPRING_DATASOURCE_PASSWORD
              valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/db-Xy12Ab:password::"
          dependsOn:
            - containerName: otel-collector
              condition: START
          stopTimeout: 30
          readonlyRootFilesystem: true
          dockerLabels:
            App: web
            com.datadoghq.tags.service: web
          ulimits:
            - name: nofile
              softLimit: 65536
              hardLimit: 65536
          logConfiguration:
            logDriver: awslogs
            options:
              awslogs-group: /ecs/web
              awslogs-create-group: "true"
              awslogs-region: eu-west-1
              awslogs-stream-prefix: ecs
          healthCheck:
            command: [CMD-SHELL, "curl -fsS http://localhost:8080/actuator/health || exit 1"]
            startPeriod: 60
      tags:
        team: web
        cost-center: cc-42
      """;

  /** What a user writes for the EC2 worker fixture. */
  static final String WORKER_SPEC =
      """
      taskRoleArn: arn:aws:iam::123456789012:role/worker-task
      executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
      requiresCompatibilities: [EC2]
      placementConstraints:
        - type: memberOf
          expression: attribute:ecs.instance-type =~ c6g.*
        - type: memberOf
          expression: attribute:ecs.os-type == linux
      volumes:
        - name: shared
          efsVolumeConfiguration:
            fileSystemId: fs-0123456789abcdef0
            transitEncryption: ENABLED
            authorizationConfig:
              accessPointId: fsap-0123456789abcdef0
              iam: ENABLED
        - name: tmp
      containerDefinitions:
        - name: worker
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/worker:2.0.1
          cpu: 512
          memory: 1024
          memoryReservation: 768
          portMappings:
            - containerPort: 8125
              hostPort: 8125
              protocol: udp
            - containerPort: 9000
          command: [bundle, exec, sidekiq]
          environment:
            - {name: MALLOC_ARENA_MAX, value: "2"}
            - {name: RAILS_ENV, value: production}
          environmentFiles:
            - {value: "arn:aws:s3:::team-config/worker/base.env", type: s3}
            - {value: "arn:aws:s3:::team-config/worker/prod.env", type: s3}
          mountPoints:
            - {sourceVolume: shared, containerPath: /mnt/shared, readOnly: true}
            - {sourceVolume: tmp, containerPath: /app/tmp}
          linuxParameters:
            initProcessEnabled: true
            capabilities:
              drop: [MKNOD, NET_RAW]
          logConfiguration:
            logDriver: json-file
            options: {max-size: 10m, max-file: "3"}
          systemControls:
            - {namespace: net.core.somaxconn, value: "1024"}
      """;

  /** Replaces text that must be there, so a test never passes on an edit that did nothing. */
  static String replace(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  private static ChangeSet diff(String yaml, String fixture) {
    return TaskDefinitionDiff.diff(spec(yaml), taskDefinition(fixture), tags(fixture));
  }

  @Test
  void describeOutputPastedAsSpecHasNoDiff() {
    String yaml = pastedYaml(WEB) + "tags:\n  team: web\n  cost-center: cc-42\n";
    EcsTaskDefinitionSpec spec = spec(yaml);
    // The paste really carries what AWS added: hostPort, cpu 0, essential, empty lists, false.
    assertThat(yaml)
        .contains("hostPort: 8080", "cpu: 0", "essential: true", "systemControls: []")
        .contains("enableFaultInjection: false", "interval: 30");
    assertThat(spec.containerDefinitions).hasSize(2);

    ChangeSet changes = TaskDefinitionDiff.diff(spec, taskDefinition(WEB), tags(WEB));

    assertThat(changes.changes()).isEmpty();
  }

  @Test
  void describeOutputPastedWithItsReadOnlyFieldsIsRefusedLikeTheApiServerRefusesIt() {
    String unstripped =
        io.fabric8.kubernetes.client.utils.Serialization.asYaml(
            TaskDefinitionFixtures.json(WEB).get("taskDefinition"));

    assertThatThrownBy(() -> spec(unstripped))
        .hasMessageContaining("Unrecognized field")
        .hasMessageContaining("taskDefinitionArn");
  }

  @Test
  void ec2DescribeOutputPastedAsSpecHasNoDiff() {
    assertThat(diff(pastedYaml(WORKER), WORKER).changes()).isEmpty();
  }

  @Test
  void handWrittenSpecWithoutAwsDefaultsHasNoDiff() {
    assertThat(diff(WEB_SPEC, WEB).changes()).isEmpty();
  }

  @Test
  void handWrittenEc2SpecHasNoDiff() {
    // bridge is AWS's default network mode; hostPort 0, readOnly false, host: {}, rootDirectory
    // "/" and AWS's empty lists are all absent in the spec.
    assertThat(diff(WORKER_SPEC, WORKER).changes()).isEmpty();
  }

  @Test
  void imageChangeIsExactlyOneNewRevisionChange() {
    ChangeSet changes = diff(replace(WEB_SPEC, "team/web:1.4.2", "team/web:1.5.0"), WEB);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "containerDefinitions[web].image",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.5.0",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.4.2",
                ChangeStrategy.NEW_REVISION));
  }

  @Test
  void environmentInAnotherOrderIsNoDiff() {
    String reversed =
        replace(
            WEB_SPEC,
            """
                  - name: SERVER_PORT
                    value: "8080"
                  - name: JAVA_TOOL_OPTIONS
                    value: -XX:MaxRAMPercentage=75
            """,
            """
                  - name: JAVA_TOOL_OPTIONS
                    value: -XX:MaxRAMPercentage=75
                  - name: SERVER_PORT
                    value: "8080"
            """);
    assertThat(reversed).isNotEqualTo(WEB_SPEC);

    assertThat(diff(reversed, WEB).changes()).isEmpty();
  }

  @Test
  void cpuAndMemoryInUnitsEqualTheNumbersAwsReturns() {
    assertThat(WEB_SPEC).contains("cpu: 1 vCPU", "memory: 2 GB");
    assertThat(diff(WEB_SPEC, WEB).changes()).isEmpty();
    String numbers = replace(replace(WEB_SPEC, "cpu: 1 vCPU", "cpu: \"1024\""), "2 GB", "\"2048\"");
    assertThat(diff(numbers, WEB).changes()).isEmpty();
  }

  @Test
  void otherTaskCpuIsANewRevision() {
    ChangeSet changes = diff(replace(WEB_SPEC, "cpu: 1 vCPU", "cpu: 2 vCPU"), WEB);

    assertThat(changes.changes())
        .containsExactly(new FieldChange("cpu", "2048", "1024", ChangeStrategy.NEW_REVISION));
  }

  @Test
  void tagsOnlyChangeIsTagsOnly() {
    ChangeSet changes = diff(replace(WEB_SPEC, "cost-center: cc-42", "cost-center: cc-77"), WEB);

    assertThat(changes.hasAny(ChangeStrategy.NEW_REVISION)).isFalse();
    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "tags",
                Map.of("team", "web", "cost-center", "cc-77"),
                Map.of("team", "web", "cost-center", "cc-42"),
                ChangeStrategy.TAGS_ONLY));
  }

  @Test
  void undeclaredTagsAreNotCompared() {
    String noTags = WEB_SPEC.substring(0, WEB_SPEC.indexOf("tags:\n"));

    assertThat(spec(noTags).tags).isNull();
    assertThat(diff(noTags, WEB).changes()).isEmpty();
  }

  @Test
  void emptyTagsRemoveUserTagsButNeverOwnershipTags() {
    String noTags = WEB_SPEC.substring(0, WEB_SPEC.indexOf("tags:\n")) + "tags: {}\n";

    ChangeSet changes = diff(noTags, WEB);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "tags",
                Map.of(),
                Map.of("team", "web", "cost-center", "cc-42"),
                ChangeStrategy.TAGS_ONLY));
  }

  @Test
  void containersInAnotherOrderAreNoDiff() {
    String yaml = pastedYaml(WEB);
    int web = yaml.indexOf("- name: \"web\"");
    int otel = yaml.indexOf("- name: \"otel-collector\"");
    assertThat(web).isPositive().isLessThan(otel);
    int end = yaml.indexOf("family:");
    String swapped =
        yaml.substring(0, web)
            + yaml.substring(otel, end)
            + yaml.substring(web, otel)
            + yaml.substring(end);

    assertThat(spec(swapped).containerDefinitions.get(0).name).isEqualTo("otel-collector");
    assertThat(diff(swapped, WEB).changes()).isEmpty();
  }

  @Test
  void removedEnvironmentVariableIsANewRevisionOnEnvironment() {
    String yaml =
        replace(
            WEB_SPEC,
            """
                  - name: SERVER_PORT
                    value: "8080"
            """,
            "");

    ChangeSet changes = diff(yaml, WEB);

    assertThat(changes.changes())
        .extracting(FieldChange::path, FieldChange::strategy)
        .containsExactly(
            tuple("containerDefinitions[web].environment", ChangeStrategy.NEW_REVISION));
    assertThat(changes.changes().get(0).actual().toString()).contains("SERVER_PORT");
    assertThat(changes.changes().get(0).desired().toString()).doesNotContain("SERVER_PORT");
  }

  @Test
  void environmentEntryWithEmptyValueEqualsAbsent() {
    String yaml =
        replace(
            WEB_SPEC,
            "      - name: SERVER_PORT\n",
            "      - name: FEATURE_FLAGS\n        value: \"\"\n      - name: UNSET\n"
                + "      - name: SERVER_PORT\n");
    assertThat(spec(yaml).containerDefinitions.get(1).environment).hasSize(6);

    assertThat(diff(yaml, WEB).changes()).isEmpty();
  }

  @Test
  void explicitAwsDefaultsEqualAbsent() {
    String yaml =
        replace(
            WEB_SPEC,
            "      - containerPort: 9090\n",
            """
              - containerPort: 9090
                hostPort: 9090
                protocol: tcp
        """);
    yaml =
        replace(
            yaml,
            "      startPeriod: 60\n",
            """
              startPeriod: 60
              interval: 30
              timeout: 5
              retries: 3
            cpu: 0
            essential: true
            privileged: false
            mountPoints: []
            linuxParameters: {capabilities: {add: []}}
            versionConsistency: enabled
        """);
    yaml =
        replace(
                yaml,
                "  cpuArchitecture: ARM64\n",
                "  cpuArchitecture: ARM64\n  operatingSystemFamily: LINUX\n")
            + "enableFaultInjection: false\nvolumes: []\nplacementConstraints: []\n";
    EcsTaskDefinitionSpec spec = spec(yaml);
    assertThat(spec.containerDefinitions.get(1).healthCheck.interval).isEqualTo(30);
    assertThat(spec.containerDefinitions.get(1).essential).isTrue();
    assertThat(spec.runtimePlatform.operatingSystemFamily).isNotNull();

    assertThat(TaskDefinitionDiff.diff(spec, taskDefinition(WEB), tags(WEB)).changes()).isEmpty();
  }

  @Test
  void nonDefaultHealthCheckIsANewRevision() {
    ChangeSet changes =
        diff(
            replace(
                WEB_SPEC, "      startPeriod: 60\n", "      startPeriod: 60\n      interval: 10\n"),
            WEB);

    assertThat(changes.changes())
        .extracting(FieldChange::path)
        .containsExactly("containerDefinitions[web].healthCheck");
  }

  @Test
  void essentialFalseIsNotTheDefault() {
    ChangeSet changes = diff(replace(WEB_SPEC, "    essential: false\n", ""), WEB);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "containerDefinitions[otel-collector].essential",
                null,
                false,
                ChangeStrategy.NEW_REVISION));
  }

  @Test
  void hostPortOtherThanContainerPortOnBridgeIsDrift() {
    // With bridge networking a hostPort is a real choice, not AWS's copy of containerPort.
    String yaml =
        replace(
            WORKER_SPEC,
            "      - containerPort: 9000\n",
            "      - containerPort: 9000\n        hostPort: 9000\n");

    ChangeSet changes = diff(yaml, WORKER);

    assertThat(changes.changes())
        .extracting(FieldChange::path)
        .containsExactly("containerDefinitions[worker].portMappings");
  }

  @Test
  void environmentFilesKeepTheirOrder() {
    String swapped =
        WORKER_SPEC
            .replace("worker/base.env", "worker/TMP.env")
            .replace("worker/prod.env", "worker/base.env")
            .replace("worker/TMP.env", "worker/prod.env");

    assertThat(diff(swapped, WORKER).changes())
        .extracting(FieldChange::path)
        .containsExactly("containerDefinitions[worker].environmentFiles");
  }

  @Test
  void mapKeysKeepTheirCase() {
    ChangeSet changes = diff(replace(WEB_SPEC, "      App: web\n", "      app: web\n"), WEB);

    assertThat(changes.changes())
        .extracting(FieldChange::path)
        .containsExactly("containerDefinitions[web].dockerLabels");
    assertThat(changes.changes().get(0).desired().toString()).contains("\"app\"");
    assertThat(changes.changes().get(0).actual().toString()).contains("\"App\"");
  }

  @Test
  void addedContainerIsOneChangeNamingIt() {
    String yaml =
        replace(
            WEB_SPEC,
            "containerDefinitions:\n",
            "containerDefinitions:\n  - name: nginx\n    image: nginx:1.27\n");

    ChangeSet changes = diff(yaml, WEB);

    assertThat(changes.changes()).hasSize(1);
    FieldChange change = changes.changes().get(0);
    assertThat(change.path()).isEqualTo("containerDefinitions[nginx]");
    assertThat(change.strategy()).isEqualTo(ChangeStrategy.NEW_REVISION);
    assertThat(change.actual()).isNull();
    assertThat(((JsonNode) change.desired()).get("image").asText()).isEqualTo("nginx:1.27");
  }

  @Test
  void removedContainerIsOneChangeNamingIt() {
    String yaml =
        WEB_SPEC.substring(0, WEB_SPEC.indexOf("  - name: otel-collector"))
            + replace(
                WEB_SPEC.substring(WEB_SPEC.indexOf("  - name: web\n")),
                """
                        dependsOn:
                          - containerName: otel-collector
                            condition: START
                    """,
                "");

    ChangeSet changes = diff(yaml, WEB);

    assertThat(changes.changes())
        .extracting(FieldChange::path)
        .containsExactly(
            "containerDefinitions[web].dependsOn", "containerDefinitions[otel-collector]");
    assertThat(changes.changes().get(1).desired()).isNull();
  }

  @Test
  void undeclaredAwsOnlyFieldLikeAVolumeIsDriftBecauseRevisionsAreWhole() {
    // Unlike services, a revision is registered whole: a volume the spec no longer has must go.
    ChangeSet changes = diff(replace(WORKER_SPEC, "  - name: tmp\n", ""), WORKER);

    assertThat(changes.changes()).extracting(FieldChange::path).containsExactly("volumes");
  }

  @Test
  void sdkModelAndDescribeJsonGiveTheSameDiff() {
    EcsTaskDefinitionSpec spec = spec(replace(WEB_SPEC, "team/web:1.4.2", "team/web:1.5.0"));
    JsonNode json = TaskDefinitionFixtures.json(WEB);
    TaskDefinition model = taskDefinition(WEB);

    assertThat(TaskDefinitionDiff.diff(spec, json, tags(WEB)))
        .isEqualTo(TaskDefinitionDiff.diff(spec, model, tags(WEB)));
  }

  @Test
  void tagListBecomesAMap() {
    assertThat(tags(WEB))
        .containsEntry("team", "web")
        .containsEntry("cost-center", "cc-42")
        .containsEntry("ecsoperator.io/owner", "apps/web")
        .hasSize(5);
    assertThat(EcsTags.of(null)).isEmpty();
  }
}
