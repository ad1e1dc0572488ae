package io.ecsoperator.operator.cli.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.operator.capacityprovider.EcsCapacityProviderAdapters;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import java.util.List;

/** EcsCapacityProvider in the CLI: plan and apply; import is not supported yet. */
public final class EcsCapacityProviderCliKind
    implements CliKind<EcsCapacityProvider, EcsCapacityProviderSpec, EcsCapacityProviderState> {

  static final String CLUSTER_REF = "clusterRef";

  @Override
  public Class<EcsCapacityProvider> resourceType() {
    return EcsCapacityProvider.class;
  }

  @Override
  public List<Reference> references() {
    return List.of(new Reference(CLUSTER_REF, "EcsCluster"));
  }

  @Override
  public String describe(EcsCapacityProvider resource) {
    return "capacity provider " + resource.providerName();
  }

  @Override
  public ResourceAdapter<EcsCapacityProviderSpec, EcsCapacityProviderState> adapter(
      AwsClientFactory aws, EcsCapacityProvider resource, ResolvedReferences references) {
    EcsCapacityProviderSpec spec = resource.getSpec();
    String cluster =
        spec.clusterRef == null
            ? spec.cluster
            : ((EcsCluster) references.get(CLUSTER_REF).resource()).clusterName();
    return EcsCapacityProviderAdapters.forObject(aws, resource, cluster);
  }

  @Override
  public String arn(EcsCapacityProviderState actual) {
    return actual.arn();
  }
}
