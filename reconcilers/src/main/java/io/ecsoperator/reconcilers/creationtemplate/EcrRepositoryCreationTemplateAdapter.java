package io.ecsoperator.reconcilers.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.RegistryItemAdapter;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import java.time.Instant;
import software.amazon.awssdk.services.ecr.model.TemplateAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.TemplateNotFoundException;

/** ECR repository creation templates. */
public final class EcrRepositoryCreationTemplateAdapter
    extends RegistryItemAdapter<
        EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState> {

  /**
   * @param claim the creation of the template the object owns, from its status
   */
  public EcrRepositoryCreationTemplateAdapter(AwsClientFactory aws, CreationClaim claim) {
    super(aws, claim);
  }

  @Override
  protected EcrRepositoryCreationTemplateState read(
      AwsClients clients, EcrRepositoryCreationTemplateSpec spec, CreationClaim claim) {
    return EcrRepositoryCreationTemplateReader.read(clients, spec.prefix, claim);
  }

  @Override
  protected ChangeSet diff(
      EcrRepositoryCreationTemplateSpec spec, EcrRepositoryCreationTemplateState actual) {
    return EcrRepositoryCreationTemplateDiff.diff(spec, actual);
  }

  @Override
  protected Instant createInAws(AwsClients clients, EcrRepositoryCreationTemplateSpec spec) {
    try {
      return clients
          .guard()
          .call(
              ApiCategory.ECR_MODIFY,
              () -> clients.ecr().createRepositoryCreationTemplate(TemplateRequests.create(spec)))
          .repositoryCreationTemplate()
          .createdAt();
    } catch (TemplateAlreadyExistsException taken) {
      return null;
    }
  }

  @Override
  protected void updateInAws(
      AwsClients clients,
      EcrRepositoryCreationTemplateSpec spec,
      EcrRepositoryCreationTemplateState actual) {
    clients
        .guard()
        .run(
            ApiCategory.ECR_MODIFY,
            () ->
                clients
                    .ecr()
                    .updateRepositoryCreationTemplate(
                        TemplateRequests.update(spec, actual.described())));
  }

  @Override
  protected void deleteInAws(AwsClients clients, EcrRepositoryCreationTemplateSpec spec) {
    try {
      clients
          .guard()
          .run(
              ApiCategory.ECR_MODIFY,
              () -> clients.ecr().deleteRepositoryCreationTemplate(r -> r.prefix(spec.prefix)));
    } catch (TemplateNotFoundException gone) {
      // Already gone: the goal of the delete.
    }
  }
}
