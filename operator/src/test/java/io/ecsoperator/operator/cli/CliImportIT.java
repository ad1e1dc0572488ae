package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryReader;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * import of an estate made by hand in moto, then plan on the result: no change. Then apply adopts
 * it (ownership tags only) and plan still shows no change. The estate: 2 repositories, 2 clusters,
 * 3 services of one of them running revisions of 2 task definition families (2 services on the same
 * family and revision), and for one test a service that runs an older revision.
 */
class CliImportIT {

  private static final String LIFECYCLE =
      "{\"rules\":[{\"rulePriority\":2,\"description\":\"\",\"selection\":{\"tagStatus\":\"tagged\","
          + "\"tagPrefixList\":[\"v\",\"release\"],\"countType\":\"imageCountMoreThan\","
          + "\"countNumber\":20},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":1,"
          + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\","
          + "\"countUnit\":\"days\",\"countNumber\":3},\"action\":{\"type\":\"expire\"}}]}";
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Ci\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
          + "\"Action\":\"ecr:BatchGetImage\"}}";

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void handMadeEstate() {
    cli.bed.resetAws();
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      clients
          .ecr()
          .createRepository(
              r ->
                  r.repositoryName("shop/api")
                      .imageTagMutability("IMMUTABLE")
                      .imageScanningConfiguration(s -> s.scanOnPush(true))
                      .tags(t -> t.key("team").value("api")));
      clients
          .ecr()
          .putLifecyclePolicy(r -> r.repositoryName("shop/api").lifecyclePolicyText(LIFECYCLE));
      clients.ecr().setRepositoryPolicy(r -> r.repositoryName("shop/api").policyText(POLICY));
      clients.ecr().createRepository(r -> r.repositoryName("tools"));
      clients
          .ecs()
          .createCluster(
              r ->
                  r.clusterName("Shop_Prod")
                      .settings(s -> s.name("containerInsights").value("enhanced"))
                      .configuration(c -> c.executeCommandConfiguration(e -> e.logging("NONE")))
                      .capacityProviders("FARGATE", "FARGATE_SPOT")
                      .defaultCapacityProviderStrategy(
                          s -> s.capacityProvider("FARGATE_SPOT").weight(4),
                          s -> s.capacityProvider("FARGATE").weight(1).base(1))
                      .tags(t -> t.key("team").value("shop")));
      clients.ecs().createCluster(r -> r.clusterName("batch"));
      registerWeb(clients, "nginx:1.26");
      String web2 = registerWeb(clients, "nginx:1.27");
      String worker =
          clients
              .ecs()
              .registerTaskDefinition(
                  r ->
                      r.family("worker")
                          .containerDefinitions(
                              c ->
                                  c.name("worker")
                                      .image("shop/worker:3.1")
                                      .memory(256)
                                      .command("worker", "--queue", "orders")
                                      .essential(true)))
              .taskDefinition()
              .taskDefinitionArn();
      createService(clients, "web", web2, 3, "FARGATE");
      createService(clients, "web-canary", web2, 1, "FARGATE");
      createService(clients, "worker", worker, 2, "EC2");
    }
  }

  /** A Fargate revision of the family web, as a pipeline registers them. */
  private static String registerWeb(AwsClients clients, String image) {
    return clients
        .ecs()
        .registerTaskDefinition(
            r ->
                r.family("web")
                    .requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC)
                    .cpu("256")
                    .memory("512")
                    .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                    .containerDefinitions(
                        c ->
                            c.name("web")
                                .image(image)
                                .essential(true)
                                .portMappings(p -> p.containerPort(80).hostPort(80).protocol("tcp"))
                                .environment(
                                    e -> e.name("MODE").value("prod"),
                                    e -> e.name("EMPTY").value(""),
                                    e -> e.name("LOG_LEVEL").value("info")))
                    .tags(t -> t.key("team").value("web")))
        .taskDefinition()
        .taskDefinitionArn();
  }

  private static void createService(
      AwsClients clients, String name, String revision, int count, String launchType) {
    clients
        .ecs()
        .createService(
            r ->
                r.cluster("Shop_Prod")
                    .serviceName(name)
                    .taskDefinition(revision)
                    .desiredCount(count)
                    .launchType(launchType)
                    .propagateTags("SERVICE")
                    .tags(t -> t.key("team").value(name)));
  }

  @Test
  void importThenPlanShowsNoChangeAndApplyOnlyAdopts() throws Exception {
    Path file = dir.resolve("estate.yaml");

    CliHarness.Result imported =
        cli.run(
            "import",
            "--repository",
            "shop/api",
            "--repository",
            "tools",
            "--cluster",
            "Shop_Prod",
            "--cluster",
            "batch",
            "--all-services",
            "-o",
            file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.err()).isEqualTo("wrote 9 manifests to " + file + "\n");
    Golden.assertMatches("import/estate.yaml", Files.readString(file));

    cli.calls.reset();
    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 9 unchanged.\n");
    assertThat(cli.calls.writes()).isEmpty();

    cli.calls.reset();
    CliHarness.Result apply = cli.run("apply", "-f", file.toString());
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.out())
        .contains("Ready: took over the existing AWS resource")
        .contains("Apply: 9 ready.");
    assertThat(cli.calls.writes())
        .as("one TagResource per object, nothing else")
        .isEqualTo(Map.of("TagResource", 9));
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      assertThat(EcrRepositoryReader.read(clients, "tools", false, false).tags())
          .containsEntry(ResourceRef.OWNER_TAG, "default/tools");
      assertThat(ownerOf(clients, revision("web", 2))).isEqualTo("default/web");
      assertThat(ownerOf(clients, revision("web", 1)))
          .as("older revisions stay as they are")
          .isNull();
      assertThat(
              clients
                  .ecs()
                  .describeServices(
                      r -> r.cluster("Shop_Prod").services("web-canary").include(ServiceField.TAGS))
                  .services()
                  .get(0)
                  .tags())
          .contains(Tag.builder().key(ResourceRef.OWNER_TAG).value("default/web-canary").build());
    }

    CliHarness.Result again = cli.run("plan", "-f", file.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).doesNotContain("adopt");
  }

  /**
   * A service that runs an older revision than its family's newest pins that revision by ARN, with
   * a note saying why; the family is still imported, and referencing it would roll the service.
   */
  @Test
  void aServiceOnAnOlderRevisionPinsItByArn() throws Exception {
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      createService(aws.forRegion(null), "web-legacy", revision("web", 1), 1, "FARGATE");
    }
    Path file = dir.resolve("legacy.yaml");

    CliHarness.Result imported =
        cli.run(
            "import", "--cluster", "Shop_Prod", "--service", "web-legacy", "-o", file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    String note =
        "service web-legacy runs "
            + revision("web", 1)
            + ", not the newest revision of its family ("
            + revision("web", 2)
            + "), which EcsTaskDefinition web adopts: taskDefinition pins the revision it runs;"
            + " replace it with taskDefinitionRef: {name: web} to roll it forward";
    assertThat(imported.err()).startsWith("note: " + note + "\n");
    String manifests = Files.readString(file);
    assertThat(manifests)
        .contains("kind: EcsTaskDefinition\nmetadata:\n  name: web\n")
        .contains("# service web-legacy runs " + revision("web", 1) + ", not the newest")
        .contains("  taskDefinition: " + revision("web", 1) + "\n")
        .doesNotContain("  taskDefinitionRef:");

    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 3 unchanged.\n");
  }

  /**
   * A cluster owned by an object of another namespace keeps that owner's namespace and name; the
   * service, in the namespace asked for, names the cluster instead of referring to it.
   */
  @Test
  void aClusterOfAnotherNamespaceIsNamedNotReferenced() throws Exception {
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      String arn =
          clients
              .ecs()
              .describeClusters(r -> r.clusters("Shop_Prod"))
              .clusters()
              .get(0)
              .clusterArn();
      clients
          .ecs()
          .tagResource(
              r ->
                  r.resourceArn(arn)
                      .tags(t -> t.key(ResourceRef.OWNER_TAG).value("platform/shop")));
    }
    Path file = dir.resolve("worker.yaml");

    CliHarness.Result imported =
        cli.run(
            "import",
            "--cluster",
            "Shop_Prod",
            "--service",
            "worker",
            "-n",
            "apps",
            "-o",
            file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.err())
        .startsWith(
            "note: the cluster of service worker belongs to EcsCluster platform/shop (its ownership"
                + " tag), out of reach of a reference from the service's namespace: it is named"
                + " instead\n");
    assertThat(Files.readString(file))
        .contains("metadata:\n  name: shop\n  namespace: platform\n")
        .contains(
            "metadata:\n  name: worker\n  namespace: apps\nspec:\n  cluster: Shop_Prod\n"
                + "  taskDefinitionRef:\n    name: worker\n");
    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out())
        .contains("= EcsCluster platform/shop: no change to cluster Shop_Prod")
        .endsWith("Plan: 0 to create, 0 to update, 0 blocked, 3 unchanged.\n");
  }

  @Test
  void serviceOptionsNeedTheirCluster() {
    assertThat(cli.run("import", "--service", "web").err())
        .contains("--service needs exactly one --cluster, the services' cluster");
    assertThat(cli.run("import", "--repository", "tools", "--all-services").err())
        .contains("--all-services needs the --cluster whose services to import");
    assertThat(cli.run("import", "--cluster", "Shop_Prod", "--service", "nope").err())
        .contains("no ACTIVE EcsService named nope in cluster Shop_Prod in us-east-1");
  }

  private String revision(String family, int number) {
    return "arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":" + number;
  }

  private static String ownerOf(AwsClients clients, String arn) {
    return clients.ecs().listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
        .filter(t -> t.key().equals(ResourceRef.OWNER_TAG))
        .map(Tag::value)
        .findFirst()
        .orElse(null);
  }

  @Test
  void writesOneFilePerObjectIntoAFolderOrAllToStandardOutput() throws Exception {
    CliHarness.Result toFolder =
        cli.run(
            "import",
            "--repository",
            "tools",
            "--cluster",
            "batch",
            "-n",
            "ops",
            "-o",
            dir + "/out/");

    assertThat(toFolder.exitCode()).as(toFolder.output()).isZero();
    assertThat(Files.readString(dir.resolve("out/ecrrepository-tools.yaml")))
        .contains(
            "kind: EcrRepository\nmetadata:\n  name: tools\n  namespace: ops\nspec:\n  adopt: true\n");
    assertThat(dir.resolve("out/ecscluster-batch.yaml")).exists();

    CliHarness.Result toStdout =
        cli.run("import", "--repository", "tools", "--region", "us-east-1");
    assertThat(toStdout.out()).contains("spec:\n  region: us-east-1\n  adopt: true\n");
    assertThat(cli.runWithInput(toStdout.out(), "plan", "-f", "-").exitCode()).isZero();
  }

  @Test
  void aMissingResourceIsAnError() {
    CliHarness.Result result = cli.run("import", "--repository", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no EcrRepository named nope in us-east-1");
    assertThat(result.out()).isEmpty();
  }
}
