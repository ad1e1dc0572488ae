package io.ecsoperator.reconcilers.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryCreationTemplateResponse;
import software.amazon.awssdk.services.ecr.model.TemplateAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.TemplateNotFoundException;

/**
 * ECR repository creation templates. Ownership by {@link CreationClaim} (templates carry no tags).
 */
public final class EcrRepositoryCreationTemplateAdapter
    implements ResourceAdapter<
        EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState> {

  private final AwsClientFactory aws;
  private final CreationClaim claim;

  /**
   * @param claim the creation of the template the object owns, from its status
   */
  public EcrRepositoryCreationTemplateAdapter(AwsClientFactory aws, CreationClaim claim) {
    this.aws = aws;
    this.claim = claim;
  }

  @Override
  public Observation<EcrRepositoryCreationTemplateState> observe(
      ResourceRef ref, EcrRepositoryCreationTemplateSpec spec) {
    EcrRepositoryCreationTemplateState actual =
        EcrRepositoryCreationTemplateReader.read(aws.forRegion(spec.region), spec.prefix, claim);
    if (actual == null) {
      return Observation.absent();
    }
    return new Observation<>(
        actual,
        claim.ownershipOf(actual.createdAt()),
        EcrRepositoryCreationTemplateDiff.diff(spec, actual));
  }

  @Override
  public CreateResult<EcrRepositoryCreationTemplateState> create(
      ResourceRef ref, EcrRepositoryCreationTemplateSpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    CreateRepositoryCreationTemplateResponse created;
    try {
      created =
          clients
              .guard()
              .call(
                  ApiCategory.ECR_MODIFY,
                  () ->
                      clients
                          .ecr()
                          .createRepositoryCreationTemplate(TemplateRequests.create(spec)));
    } catch (TemplateAlreadyExistsException taken) {
      return CreateResult.nameTaken();
    }
    claim.claim(created.repositoryCreationTemplate().createdAt());
    return CreateResult.created(observe(ref, spec).actual());
  }

  @Override
  public void adopt(ResourceRef ref, EcrRepositoryCreationTemplateState actual) {
    claim.claim(actual.createdAt());
  }

  @Override
  public EcrRepositoryCreationTemplateState update(
      ResourceRef ref,
      EcrRepositoryCreationTemplateSpec spec,
      Observation<EcrRepositoryCreationTemplateState> observation) {
    AwsClients clients = aws.forRegion(spec.region);
    clients
        .guard()
        .run(
            ApiCategory.ECR_MODIFY,
            () ->
                clients
                    .ecr()
                    .updateRepositoryCreationTemplate(
                        TemplateRequests.update(spec, observation.actual().described())));
    return observe(ref, spec).actual();
  }

  @Override
  public DeleteOutcome delete(
      ResourceRef ref,
      EcrRepositoryCreationTemplateSpec spec,
      EcrRepositoryCreationTemplateState actual) {
    AwsClients clients = aws.forRegion(spec.region);
    try {
      clients
          .guard()
          .run(
              ApiCategory.ECR_MODIFY,
              () -> clients.ecr().deleteRepositoryCreationTemplate(r -> r.prefix(spec.prefix)));
    } catch (TemplateNotFoundException gone) {
      // Already gone: the goal of the delete.
    }
    return DeleteOutcome.DONE;
  }
}
