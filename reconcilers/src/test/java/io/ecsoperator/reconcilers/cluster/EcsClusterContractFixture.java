package io.ecsoperator.reconcilers.cluster;

import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ClusterField;

public final class EcsClusterContractFixture
    implements KindFixture<EcsClusterSpec, EcsClusterState> {

  private static final String NAME = "contract";

  @Override
  public Class<EcsClusterSpec> specClass() {
    return EcsClusterSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return "clusterName: %s\nregion: %s\ntags: {team: web}\n".formatted(NAME, region);
  }

  @Override
  public ResourceAdapter<EcsClusterSpec, EcsClusterState> adapter(AwsClientFactory aws) {
    return new EcsClusterAdapter(aws, NAME, null);
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecs().createCluster(r -> r.clusterName(NAME).tags(EcsTags.toAws(tags)));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    return aws
        .ecs()
        .describeClusters(r -> r.clusters(NAME).include(ClusterField.TAGS))
        .clusters()
        .stream()
        .filter(c -> "ACTIVE".equals(c.status()))
        .findFirst()
        .map(c -> EcsTags.of(c.tags()));
  }

  @Override
  public boolean createCanFindTheNameTaken() {
    return false;
  }
}
