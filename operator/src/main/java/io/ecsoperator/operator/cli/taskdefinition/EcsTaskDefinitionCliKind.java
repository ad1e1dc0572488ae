package io.ecsoperator.operator.cli.taskdefinition;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.taskdefinition.EcsTaskDefinitionAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.UserTags;
import io.ecsoperator.reconcilers.taskdefinition.RevisionSweep;
import io.ecsoperator.reconcilers.taskdefinition.RevisionsInUse;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionNormalizer;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionReader;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionState;
import java.time.Duration;
import java.util.Map;

/**
 * EcsTaskDefinition in the CLI. There is no status to remember the current revision by, so every
 * run finds it by its tags: the newest ACTIVE revision tagged as the object's, and before
 * registering, the one this object registered last with the spec's hash (no duplicate revision when
 * apply runs again). Pruning knows of no service (as the adapter documents for the CLI).
 */
public final class EcsTaskDefinitionCliKind
    implements CliKind<EcsTaskDefinition, EcsTaskDefinitionSpec, TaskDefinitionState>,
        Importers.Importer {

  /** Revision contents never change: one cache for the whole run. */
  private final TaskDefinitionCache revisions = new TaskDefinitionCache();

  @Override
  public Class<EcsTaskDefinition> resourceType() {
    return EcsTaskDefinition.class;
  }

  @Override
  public String describe(EcsTaskDefinition resource) {
    return "task definition " + resource.family();
  }

  @Override
  public ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> adapter(
      AwsClientFactory aws, EcsTaskDefinition resource, ResolvedReferences references) {
    // A one-off run describes the current revision: no sweep of the region pays off for one object.
    return EcsTaskDefinitionAdapters.forObject(
        aws, revisions, RevisionSweep.on(aws, Duration.ZERO), true, resource, RevisionsInUse.NONE);
  }

  @Override
  public String arn(TaskDefinitionState actual) {
    return actual.arn();
  }

  /**
   * The family's newest ACTIVE revision, which adoption makes the object's current one. Its status
   * carries that revision's ARN (not written out), so that importers of services can tell whether a
   * service runs it.
   */
  @Override
  public EcsTaskDefinition importResource(ImportContext context, String family) {
    TaskDefinitionState newest =
        new TaskDefinitionReader(context.clients(), revisions).describe(family);
    if (newest == null || !newest.active()) {
      return null;
    }
    EcsTaskDefinition taskDefinition = new EcsTaskDefinition();
    taskDefinition.setMetadata(context.newMetadata(kind(), family, newest.tags()));
    taskDefinition.setSpec(
        spec(newest, family, taskDefinition.getMetadata().getName(), context.specRegion()));
    EcsTaskDefinitionStatus status = new EcsTaskDefinitionStatus();
    status.taskDefinitionArn = newest.arn();
    status.revision = newest.revision();
    taskDefinition.setStatus(status);
    return taskDefinition;
  }

  /**
   * The spec that declares the revision: its canonical form (RegisterTaskDefinition's fields
   * without read-only fields, AWS's defaults and empty values, lists in canonical order), so the
   * diff finds nothing, and the user's tags.
   */
  static EcsTaskDefinitionSpec spec(
      TaskDefinitionState revision, String family, String objectName, String region) {
    EcsTaskDefinitionSpec spec;
    try {
      spec =
          Json.MAPPER.treeToValue(
              TaskDefinitionNormalizer.normalize(revision.content()), EcsTaskDefinitionSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the canonical form is a spec by construction", e);
    }
    spec.adopt = true;
    spec.region = region;
    if (!family.equals(objectName)) {
      spec.family = family;
    }
    Map<String, String> tags = UserTags.of(revision.tags());
    spec.tags = tags.isEmpty() ? null : tags;
    return spec;
  }
}
