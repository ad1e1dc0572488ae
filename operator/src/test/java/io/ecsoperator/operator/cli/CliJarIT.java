package io.ecsoperator.operator.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryReader;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as users run it: {@code java -jar operator/target/ecs-operator.jar}. */
class CliJarIT {

  private static final String CREATE_REPOSITORY =
      "AmazonEC2ContainerRegistry_V20150921.CreateRepository";

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void emptyAccount() {
    cli.bed.resetAws();
  }

  @Test
  void planApplyAndImportFromTheJar() {
    String quickstart = cli.bed.repoRoot().resolve("examples/quickstart").toString();

    Processes.Result plan = cli.runJar(Map.of(), null, "plan", "-f", quickstart);
    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    assertThat(plan.stdout()).endsWith("Plan: 4 to create, 0 to update, 0 blocked, 0 unchanged.\n");

    Processes.Result apply = cli.runJar(Map.of(), null, "apply", "-f", quickstart);
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.stdout()).contains("Apply: 4 ready.");

    Processes.Result imported =
        cli.runJar(
            Map.of(),
            null,
            "import",
            "--repository",
            "quickstart/web",
            "--cluster",
            "quickstart",
            "--all-services");
    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.stdout())
        .as("the owners' names: the same objects as the quickstart's")
        .contains("kind: EcsService\nmetadata:\n  name: web\n")
        .contains("  clusterRef:\n    name: quickstart\n  taskDefinitionRef:\n    name: web\n");
    Processes.Result replan = cli.runJar(Map.of(), imported.stdout(), "plan", "-f", "-");
    assertThat(replan.exitCode()).as(replan.output()).isZero();
    assertThat(replan.stdout())
        .endsWith("Plan: 0 to create, 0 to update, 0 blocked, 4 unchanged.\n");

    Processes.Result version = cli.runJar(Map.of(), null, "--version");
    assertThat(version.stdout()).startsWith("ecs-operator ");
  }

  @Test
  void badInputExitsWith1BeforeAnyAwsCall() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "apiVersion: ecsoperator.io/v1alpha1\nkind: EcsCluster\nmetadata: {name: x}\n"
                + "spec: {capacityProviders: [FARGATE, FARGATE]}\n");

    // An endpoint where nothing listens: any AWS call would fail differently.
    Processes.Result plan =
        cli.runJar(
            Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"), null, "plan", "-f", file.toString());

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.stderr())
        .contains(
            "error: "
                + file
                + " document 1 (EcsCluster default/x): spec.capacityProviders: each capacity"
                + " provider may appear once")
        .contains("nothing was sent to AWS");
  }

  /**
   * Ctrl-C (SIGINT) while the first CreateRepository is in flight (WireMock holds its answer for 3
   * s): the call completes, no other starts, the JVM exits with 130, and the repository made is
   * whole. A second apply finishes the job.
   */
  @Test
  void ctrlCLeavesAwsConsistent() throws Exception {
    WireMockServer wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wiremock.start();
    try {
      wiremock.stubFor(
          any(anyUrl())
              .atPriority(10)
              .willReturn(aResponse().proxiedFrom(cli.bed.awsEndpoint().toString())));
      wiremock.stubFor(
          any(anyUrl())
              .atPriority(1)
              .withHeader("X-Amz-Target", equalTo(CREATE_REPOSITORY))
              .willReturn(
                  aResponse().proxiedFrom(cli.bed.awsEndpoint().toString()).withFixedDelay(3000)));
      StringBuilder yaml = new StringBuilder();
      for (String name : List.of("one", "two", "three")) {
        yaml.append("---\napiVersion: ecsoperator.io/v1alpha1\nkind: EcrRepository\n")
            .append("metadata: {name: ")
            .append(name)
            .append("}\nspec: {}\n");
      }
      Path file = Files.writeString(dir.resolve("three.yaml"), yaml);

      Process apply =
          cli.startJar(
              Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + wiremock.port()),
              "apply",
              "-f",
              file.toString());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  !wiremock
                      .findAll(
                          postRequestedFor(anyUrl())
                              .withHeader("X-Amz-Target", equalTo(CREATE_REPOSITORY)))
                      .isEmpty());
      Processes.interrupt(apply);

      assertThat(apply.waitFor(60, TimeUnit.SECONDS)).as("exits after the call in flight").isTrue();
      String out = new String(apply.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(apply.exitValue()).as(out).isEqualTo(130);
      assertThat(out)
          .contains("EcrRepository default/one (repository one): Stalled (Interrupted)")
          .contains("EcrRepository default/two (repository two): Not started")
          .contains("Interrupted: the AWS call in flight finished and no other was started");
      assertThat(
              wiremock.findAll(
                  postRequestedFor(anyUrl())
                      .withHeader("X-Amz-Target", equalTo(CREATE_REPOSITORY))))
          .hasSize(1);
    } finally {
      wiremock.stop();
    }
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      assertThat(EcrRepositoryReader.read(clients, "one", false, false).tags())
          .containsEntry(ResourceRef.OWNER_TAG, "default/one");
      assertThat(EcrRepositoryReader.read(clients, "two", false, false)).isNull();
    }
    Processes.Result again =
        cli.runJar(Map.of(), null, "apply", "-f", dir.resolve("three.yaml").toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.stdout()).contains("Apply: 3 ready.");
  }
}
