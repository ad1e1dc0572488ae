package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.service.BatchedServiceReader;
import io.ecsoperator.reconcilers.service.EcsServiceAdapter;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.ResolvedService;
import io.ecsoperator.reconcilers.service.ServiceMemory;

/**
 * Builds the adapter of an EcsService, for the operator and the CLI alike; each resolves the
 * cluster and task definition the service names its own way (watched objects, or the files).
 */
public final class EcsServiceAdapters {

  private EcsServiceAdapters() {}

  /**
   * @param cluster the cluster's name or ARN
   * @param taskDefinition the revision ARN to run; null when deleting
   * @param providers the AWS names of the EcsCapacityProvider objects the strategy refers to
   * @param memory what earlier reconciles learnt (restart done, rollout failed, scalable target)
   * @param newGeneration whether this generation of the spec was not reconciled before
   */
  public static ResourceAdapter<EcsServiceSpec, EcsServiceState> forObject(
      AwsClientFactory aws,
      BatchedServiceReader reader,
      EcsService resource,
      String cluster,
      String taskDefinition,
      ProviderNames providers,
      ServiceMemory memory,
      boolean newGeneration) {
    return new EcsServiceAdapter(
        aws,
        reader,
        new ResolvedService(resource.serviceName(), cluster, taskDefinition, providers),
        memory,
        newGeneration);
  }

  /**
   * An adapter that only observes the service, in the cluster known so far: no task definition,
   * nothing remembered, never a new generation (the object waits for what it refers to).
   */
  public static ResourceAdapter<EcsServiceSpec, EcsServiceState> observer(
      AwsClientFactory aws,
      BatchedServiceReader reader,
      EcsService resource,
      String cluster,
      ProviderNames providers) {
    return forObject(aws, reader, resource, cluster, null, providers, ServiceMemory.NONE, false);
  }
}
