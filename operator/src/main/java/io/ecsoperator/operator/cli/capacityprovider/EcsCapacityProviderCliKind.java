package io.ecsoperator.operator.cli.capacityprovider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsoperator.crds.capacityprovider.AutoScalingGroupProvider;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.crds.capacityprovider.ManagedInstancesProvider;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.operator.capacityprovider.EcsCapacityProviderAdapters;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderReader;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.UserTags;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * EcsCapacityProvider in the CLI: plan, apply and import (on its own, or with the cluster it is
 * associated with).
 */
public final class EcsCapacityProviderCliKind
    implements CliKind<EcsCapacityProvider, EcsCapacityProviderSpec, EcsCapacityProviderState>,
        Importers.Importer {

  /** AWS's fields the spec does not have (or not yet) are left out of an imported spec. */
  private static final ObjectMapper LENIENT =
      Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

  @Override
  public EcsCapacityProvider importResource(ImportContext context, String awsName) {
    EcsCapacityProviderState actual = EcsCapacityProviderReader.read(context.clients(), awsName);
    return actual == null ? null : toResource(context, actual);
  }

  /**
   * The object that declares the provider as AWS describes it: its whole provider part (the diff
   * compares what is declared, so AWS's own values are no change), its cluster, the user's tags.
   */
  public static EcsCapacityProvider toResource(
      ImportContext context, EcsCapacityProviderState actual) {
    EcsCapacityProvider provider = new EcsCapacityProvider();
    provider.setMetadata(
        context.newMetadata(
            HasMetadata.getKind(EcsCapacityProvider.class), actual.name(), actual.tags()));
    EcsCapacityProviderSpec spec = new EcsCapacityProviderSpec();
    spec.adopt = true;
    spec.region = context.specRegion();
    if (!actual.name().equals(provider.getMetadata().getName())) {
      spec.name = actual.name();
    }
    try {
      if (actual.autoScalingGroupProvider() != null) {
        spec.autoScalingGroupProvider =
            LENIENT.treeToValue(actual.autoScalingGroupProvider(), AutoScalingGroupProvider.class);
      } else {
        spec.managedInstancesProvider =
            LENIENT.treeToValue(actual.managedInstancesProvider(), ManagedInstancesProvider.class);
        spec.cluster = actual.cluster();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "capacity provider " + actual.name() + " does not read as a spec: " + e.getMessage(), e);
    }
    Map<String, String> tags = UserTags.of(actual.tags());
    spec.tags = tags.isEmpty() ? null : tags;
    provider.setSpec(spec);
    return provider;
  }
}
