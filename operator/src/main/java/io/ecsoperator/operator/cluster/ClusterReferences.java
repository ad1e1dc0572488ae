package io.ecsoperator.operator.cluster;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.operator.controller.ReferenceWatch;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import java.util.function.Function;

/** The EcsCluster objects that objects of other kinds name in their spec's clusterRef. */
public final class ClusterReferences {

  private ClusterReferences() {}

  /**
   * Watches the EcsCluster of each object's clusterRef; only its readiness matters to them (its AWS
   * name is in its spec).
   */
  public static <S, P extends CustomResource<S, ?>> ReferenceWatch<EcsCluster, P> watch(
      EventSourceContext<P> context, Function<S, LocalObjectReference> clusterRef) {
    return ReferenceWatch.of(
        context, EcsCluster.class, "clusterRef", ReferenceWatch.field(clusterRef), c -> null);
  }
}
