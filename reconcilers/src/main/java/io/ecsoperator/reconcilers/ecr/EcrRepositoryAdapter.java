package io.ecsoperator.reconcilers.ecr;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsCallGuard;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.PolicyDocuments;
import io.ecsoperator.reconcilers.tags.TagWriter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/** ECR repositories: the calls each changed field needs, and nothing more. */
public final class EcrRepositoryAdapter
    implements ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> {

  private final AwsClientFactory aws;
  private final String repositoryName;

  /**
   * @param repositoryName the AWS name (spec.repositoryName or metadata.name)
   */
  public EcrRepositoryAdapter(AwsClientFactory aws, String repositoryName) {
    this.aws = aws;
    this.repositoryName = repositoryName;
  }

  @Override
  public Observation<EcrRepositoryState> observe(ResourceRef ref, EcrRepositorySpec spec) {
    EcrRepositoryState actual =
        EcrRepositoryReader.read(
            aws.forRegion(spec.region),
            repositoryName,
            spec.lifecyclePolicy != null,
            spec.repositoryPolicy != null);
    if (actual == null) {
      return Observation.absent();
    }
    return Observation.tagged(ref, actual, actual.tags(), EcrRepositoryDiff.diff(spec, actual));
  }

  @Override
  public CreateResult<EcrRepositoryState> create(ResourceRef ref, EcrRepositorySpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    Map<String, String> tags = new HashMap<>(spec.tagsOrEmpty());
    tags.putAll(ref.ownershipTags());
    CreateRepositoryRequest.Builder request =
        CreateRepositoryRequest.builder().repositoryName(repositoryName).tags(toAwsTags(tags));
    if (spec.imageTagMutability != null) {
      request.imageTagMutability(spec.imageTagMutability.name());
      var filters = ExclusionFilters.toAws(spec.imageTagMutabilityExclusionFilters);
      if (!filters.isEmpty()) {
        request.imageTagMutabilityExclusionFilters(filters);
      }
    }
    if (spec.imageScanningConfiguration != null
        && spec.imageScanningConfiguration.scanOnPush != null) {
      request.imageScanningConfiguration(
          s -> s.scanOnPush(spec.imageScanningConfiguration.scanOnPush));
    }
    if (spec.encryptionConfiguration != null) {
      request.encryptionConfiguration(
          EncryptionConfiguration.builder()
              .encryptionType(spec.encryptionConfiguration.encryptionType.name())
              .kmsKey(spec.encryptionConfiguration.kmsKey)
              .build());
    }
    try {
      clients.ecrModify(ecr -> ecr.createRepository(request.build()));
    } catch (RepositoryAlreadyExistsException taken) {
      return CreateResult.nameTaken();
    }
    Observation<EcrRepositoryState> created = observe(ref, spec);
    return CreateResult.created(
        created.changes().isEmpty() ? created.actual() : update(ref, spec, created));
  }

  @Override
  public void adopt(ResourceRef ref, EcrRepositoryState actual) {
    tags(aws.forArn(actual.arn()), actual.arn()).tag(ref.ownershipTags());
  }

  @Override
  public EcrRepositoryState update(
      ResourceRef ref, EcrRepositorySpec spec, Observation<EcrRepositoryState> observation) {
    AwsClients clients = aws.forRegion(spec.region);
    AwsCallGuard guard = clients.guard();
    EcrClient ecr = clients.ecr();
    ChangeSet changes = observation.changes();
    EcrRepositoryState actual = observation.actual();
    if (changes.has("imageTagMutability") || changes.has("imageTagMutabilityExclusionFilters")) {
      guard.run(
          ApiCategory.ECR_MODIFY,
          () ->
              ecr.putImageTagMutability(
                  r -> {
                    r.repositoryName(repositoryName)
                        .imageTagMutability(spec.imageTagMutability.name());
                    var filters = ExclusionFilters.toAws(spec.imageTagMutabilityExclusionFilters);
                    if (!filters.isEmpty()) {
                      r.imageTagMutabilityExclusionFilters(filters);
                    }
                  }));
    }
    if (changes.has("imageScanningConfiguration.scanOnPush")) {
      guard.run(
          ApiCategory.ECR_MODIFY,
          () ->
              ecr.putImageScanningConfiguration(
                  r ->
                      r.repositoryName(repositoryName)
                          .imageScanningConfiguration(
                              s -> s.scanOnPush(spec.imageScanningConfiguration.scanOnPush))));
    }
    if (changes.has("lifecyclePolicy")) {
      guard.run(
          ApiCategory.ECR_MODIFY,
          LifecyclePolicies.canonical(spec.lifecyclePolicy) == null
              ? () ->
                  ignoring(
                      LifecyclePolicyNotFoundException.class,
                      () -> ecr.deleteLifecyclePolicy(r -> r.repositoryName(repositoryName)))
              : () ->
                  ecr.putLifecyclePolicy(
                      r ->
                          r.repositoryName(repositoryName)
                              .lifecyclePolicyText(LifecyclePolicies.text(spec.lifecyclePolicy))));
    }
    if (changes.has("repositoryPolicy")) {
      guard.run(
          ApiCategory.ECR_MODIFY,
          PolicyDocuments.canonical(spec.repositoryPolicy) == null
              ? () ->
                  ignoring(
                      RepositoryPolicyNotFoundException.class,
                      () -> ecr.deleteRepositoryPolicy(r -> r.repositoryName(repositoryName)))
              : () ->
                  ecr.setRepositoryPolicy(
                      r ->
                          r.repositoryName(repositoryName)
                              .policyText(spec.repositoryPolicy.toString())));
    }
    if (changes.has("tags")) {
      tags(clients, actual.arn()).sync(spec.tagsOrEmpty(), actual.tags());
    }
    return observe(ref, spec).actual();
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, EcrRepositorySpec spec, EcrRepositoryState actual) {
    AwsClients clients = aws.forRegion(spec.region);
    try {
      clients.ecrModify(
          ecr ->
              ecr.deleteRepository(
                  r ->
                      r.repositoryName(repositoryName)
                          .force(Boolean.TRUE.equals(spec.forceDelete))));
      return DeleteOutcome.DONE;
    } catch (RepositoryNotFoundException gone) {
      return DeleteOutcome.DONE;
    } catch (RepositoryNotEmptyException notEmpty) {
      return DeleteOutcome.blocked(
          "RepositoryNotEmpty",
          notEmpty.awsErrorDetails().errorMessage()
              + "; delete its images or set spec.forceDelete: true to delete them with it");
    }
  }

  private static TagWriter tags(AwsClients clients, String arn) {
    return new TagWriter(
        clients.guard(),
        ApiCategory.ECR_MODIFY,
        tags -> clients.ecr().tagResource(r -> r.resourceArn(arn).tags(toAwsTags(tags))),
        keys -> clients.ecr().untagResource(r -> r.resourceArn(arn).tagKeys(keys)));
  }

  /** Runs a delete whose "not found" answer means the goal state already holds. */
  private static void ignoring(Class<? extends RuntimeException> notFound, Runnable delete) {
    try {
      delete.run();
    } catch (RuntimeException e) {
      if (!notFound.isInstance(e)) {
        throw e;
      }
    }
  }

  static java.util.List<Tag> toAwsTags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
