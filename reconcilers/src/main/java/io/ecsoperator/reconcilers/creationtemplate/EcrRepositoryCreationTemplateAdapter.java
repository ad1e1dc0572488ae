package io.ecsoperator.reconcilers.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
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
    super(aws, claim, TemplateAlreadyExistsException.class, TemplateNotFoundException.class);
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
    return clients
        .ecrModify(ecr -> ecr.createRepositoryCreationTemplate(TemplateRequests.create(spec)))
        .repositoryCreationTemplate()
        .createdAt();
  }

  @Override
  protected void updateInAws(
      AwsClients clients,
      EcrRepositoryCreationTemplateSpec spec,
      EcrRepositoryCreationTemplateState actual) {
    clients.ecrModify(
        ecr ->
            ecr.updateRepositoryCreationTemplate(
                TemplateRequests.update(spec, actual.described())));
  }

  @Override
  protected void deleteInAws(AwsClients clients, EcrRepositoryCreationTemplateSpec spec) {
    clients.ecrModify(ecr -> ecr.deleteRepositoryCreationTemplate(r -> r.prefix(spec.prefix)));
  }
}
