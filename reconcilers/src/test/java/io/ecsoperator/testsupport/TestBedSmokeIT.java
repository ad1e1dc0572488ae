package io.ecsoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the bed's AWS side is real: the production client factory, the CLI and kubectl reach it.
 */
class TestBedSmokeIT {

  private final TestBed bed = TestBed.get();
  private final AwsCallCounter calls = new AwsCallCounter();
  private AwsClientFactory factory;

  @BeforeEach
  void resetAws() {
    bed.resetAws();
    factory = bed.awsClients(calls);
  }

  @AfterEach
  void close() {
    factory.close();
  }

  @Test
  void createsAndDescribesAnEcrRepositoryThroughSdkV2() {
    AwsClients aws = factory.forRegion(null);
    aws.ecr().createRepository(r -> r.repositoryName("smoke/web"));

    var repository =
        aws.ecr().describeRepositories(r -> r.repositoryNames("smoke/web")).repositories().get(0);

    assertThat(repository.repositoryName()).isEqualTo("smoke/web");
    assertThat(repository.repositoryArn())
        .startsWith("arn:aws:ecr:" + bed.region() + ":")
        .endsWith(":repository/smoke/web");
    assertThat(calls.all())
        .containsEntry("CreateRepository", 1)
        .containsEntry("DescribeRepositories", 1);
  }

  @Test
  void createsAndDescribesAnEcsClusterThroughSdkV2() {
    AwsClients aws = factory.forRegion(null);
    aws.ecs().createCluster(r -> r.clusterName("smoke"));

    var cluster = aws.ecs().describeClusters(r -> r.clusters("smoke")).clusters().get(0);

    assertThat(cluster.clusterName()).isEqualTo("smoke");
    assertThat(cluster.status()).isEqualTo("ACTIVE");
  }

  @Test
  void awsCliAndKubectlAnswerWithTheBedsEnvironment() {
    factory.forRegion(null).ecs().createCluster(r -> r.clusterName("cli-visible"));

    assertThat(bed.aws("ecs", "list-clusters").assertSuccess("aws ecs list-clusters").stdout())
        .contains("cluster/cli-visible");
    assertThat(
            bed.kubectl("get", "ns", "default", "-o", "name")
                .assertSuccess("kubectl get ns")
                .stdout()
                .trim())
        .isEqualTo("namespace/default");
  }

  @Test
  void resetForgetsEverything() {
    factory.forRegion(null).ecr().createRepository(r -> r.repositoryName("forgotten"));

    bed.resetAws();

    assertThat(factory.forRegion(null).ecr().describeRepositories().repositories()).isEmpty();
  }
}
