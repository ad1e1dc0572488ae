package io.ecsoperator.reconcilers.service;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/** A service "web" in cluster "shop", running revision web:1, both made before each test. */
public final class EcsServiceContractFixture
    implements KindFixture<EcsServiceSpec, EcsServiceState> {

  private static final String CLUSTER = "shop";
  private static final String NAME = "web";

  @Override
  public Class<EcsServiceSpec> specClass() {
    return EcsServiceSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return """
        serviceName: %s
        cluster: %s
        taskDefinition: web:1
        region: %s
        desiredCount: 2
        tags: {team: web}
        """
        .formatted(NAME, CLUSTER, region);
  }

  @Override
  public ResourceAdapter<EcsServiceSpec, EcsServiceState> adapter(AwsClientFactory aws) {
    String taskDefinition =
        "arn:aws:ecs:%s:123456789012:task-definition/web:1".formatted(aws.defaultRegion());
    return new EcsServiceAdapter(
        aws,
        BatchedServiceReader.on(aws, Duration.ofSeconds(10)),
        new ResolvedService(NAME, CLUSTER, taskDefinition),
        ServiceMemory.NONE,
        true);
  }

  @Override
  public void prepare(AwsClients aws) {
    aws.ecs().createCluster(r -> r.clusterName(CLUSTER));
    aws.ecs()
        .registerTaskDefinition(
            r ->
                r.family("web")
                    .memory("512")
                    .containerDefinitions(c -> c.name("web").image("nginx:1.27")));
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecs()
        .createService(
            r ->
                r.cluster(CLUSTER)
                    .serviceName(NAME)
                    .taskDefinition("web:1")
                    .desiredCount(2)
                    .tags(EcsTags.toAws(tags)));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    return aws
        .ecs()
        .describeServices(r -> r.cluster(CLUSTER).services(NAME).include(ServiceField.TAGS))
        .services()
        .stream()
        .filter(s -> "ACTIVE".equals(s.status()))
        .findFirst()
        .map(s -> EcsTags.of(s.tags()));
  }

  @Override
  public boolean createCanFindTheNameTaken() {
    return false;
  }
}
