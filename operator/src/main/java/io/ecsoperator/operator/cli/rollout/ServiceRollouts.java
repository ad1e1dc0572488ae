package io.ecsoperator.operator.cli.rollout;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.manifest.Manifest;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.rollout.TrackedDeployment;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/**
 * The EcsService objects of the files and the service deployment each service runs, read by the
 * kind's own adapter (as plan reads it: no write), whose {@code DeploymentTracker} reads the
 * deployment by the ARN the service names.
 */
public final class ServiceRollouts {

  /**
   * @param object the object, as {@code EcsService <namespace>/<name>}
   * @param clients AWS in the service's region, to answer the deployment
   * @param exists whether AWS has the service
   * @param tracked the blue/green, linear or canary deployment the service runs; null if none
   */
  public record Rollout(
      String object, AwsClients clients, boolean exists, TrackedDeployment tracked) {}

  private ServiceRollouts() {}

  /**
   * @param accounts the caller's clients, and those of the AwsAccounts services name
   */
  public static List<Rollout> read(AccountClients accounts, ResourceGraph graph) {
    return graph.ordered().stream()
        .filter(manifest -> manifest.resource() instanceof EcsService)
        .map(manifest -> read(accounts.of(graph.account(manifest)), graph, manifest))
        .toList();
  }

  private static <R extends CustomResource<S, ?>, S extends ManagedSpec, A> Rollout read(
      AwsClientFactory aws, ResourceGraph graph, Manifest<R, S, A> manifest) {
    // The targets of references are not read: the service's cluster name is in the files.
    A actual =
        manifest
            .adapter(aws, graph.resolve(manifest, target -> null))
            .observe(manifest.ref(), manifest.spec())
            .actual();
    EcsServiceState service = (EcsServiceState) actual;
    return new Rollout(
        "EcsService " + manifest.namespace() + "/" + manifest.name(),
        aws.forRegion(manifest.spec().region),
        service != null,
        service == null ? null : service.rollout());
  }
}
