package io.ecsoperator.operator.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplate;
import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.creationtemplate.EcrRepositoryCreationTemplateAdapter;
import io.ecsoperator.reconcilers.creationtemplate.EcrRepositoryCreationTemplateState;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;

/**
 * Builds the adapter of an EcrRepositoryCreationTemplate, for the operator and the CLI alike: it
 * owns the template its status records (the CLI's objects have no status, so they own none until
 * adopted).
 */
public final class EcrRepositoryCreationTemplateAdapters {

  private EcrRepositoryCreationTemplateAdapters() {}

  public static ResourceAdapter<
          EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState>
      forObject(AwsClientFactory aws, EcrRepositoryCreationTemplate resource) {
    var status = resource.getStatus();
    return new EcrRepositoryCreationTemplateAdapter(
        aws, new CreationClaim(status == null ? null : status.createdAt));
  }
}
