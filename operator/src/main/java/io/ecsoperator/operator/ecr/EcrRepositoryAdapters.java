package io.ecsoperator.operator.ecr;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryAdapter;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;

/** Builds the adapter of an EcrRepository, for the operator and the CLI alike. */
public final class EcrRepositoryAdapters {

  private EcrRepositoryAdapters() {}

  public static ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> forObject(
      AwsClientFactory aws, EcrRepository resource) {
    return new EcrRepositoryAdapter(aws, resource.repositoryName());
  }
}
