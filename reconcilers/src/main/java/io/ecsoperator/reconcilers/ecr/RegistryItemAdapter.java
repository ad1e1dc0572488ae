package io.ecsoperator.reconcilers.ecr;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.time.Instant;
import software.amazon.awssdk.services.ecr.model.EcrException;

/**
 * The engine's contract for an ECR registry item without tags: ownership is the object's {@link
 * CreationClaim}, which create and adopt set; a kind says only how to read, create, update and
 * delete its item.
 *
 * @param <S> the kind's spec
 * @param <A> the kind's model of the item
 */
public abstract class RegistryItemAdapter<S extends ManagedSpec, A extends RegistryItem>
    implements ResourceAdapter<S, A> {

  private final AwsClientFactory aws;
  private final CreationClaim claim;
  private final Class<? extends EcrException> taken;
  private final Class<? extends EcrException> gone;

  /**
   * @param claim the creation of the item the object owns, from its status
   * @param taken ECR's answer to a create whose prefix has an item already
   * @param gone ECR's answer to a delete of an item that is not there
   */
  protected RegistryItemAdapter(
      AwsClientFactory aws,
      CreationClaim claim,
      Class<? extends EcrException> taken,
      Class<? extends EcrException> gone) {
    this.aws = aws;
    this.claim = claim;
    this.taken = taken;
    this.gone = gone;
  }

  /** The item of the spec's prefix, its model holding {@code claim}; null when there is none. */
  protected abstract A read(AwsClients clients, S spec, CreationClaim claim);

  protected abstract ChangeSet diff(S spec, A actual);

  /** Creates the item; its creation time. */
  protected abstract Instant createInAws(AwsClients clients, S spec);

  /** Makes the item match the spec in the fields that differ. */
  protected abstract void updateInAws(AwsClients clients, S spec, A actual);

  /** Deletes the item. */
  protected abstract void deleteInAws(AwsClients clients, S spec);

  @Override
  public final Observation<A> observe(ResourceRef ref, S spec) {
    A actual = read(aws.forRegion(spec.region), spec, claim);
    if (actual == null) {
      return Observation.absent();
    }
    return new Observation<>(actual, claim.ownershipOf(actual.createdAt()), diff(spec, actual));
  }

  @Override
  public final CreateResult<A> create(ResourceRef ref, S spec) {
    Instant createdAt;
    try {
      createdAt = createInAws(aws.forRegion(spec.region), spec);
    } catch (EcrException e) {
      if (taken.isInstance(e)) {
        return CreateResult.nameTaken();
      }
      throw e;
    }
    claim.claim(createdAt);
    return CreateResult.created(observe(ref, spec).actual());
  }

  /** Nothing to write in AWS: the status records the claim. */
  @Override
  public final void adopt(ResourceRef ref, A actual) {
    claim.claim(actual.createdAt());
  }

  @Override
  public final A update(ResourceRef ref, S spec, Observation<A> observation) {
    updateInAws(aws.forRegion(spec.region), spec, observation.actual());
    return observe(ref, spec).actual();
  }

  @Override
  public final DeleteOutcome delete(ResourceRef ref, S spec, A actual) {
    try {
      deleteInAws(aws.forRegion(spec.region), spec);
    } catch (EcrException e) {
      if (!gone.isInstance(e)) {
        throw e;
      }
      // Already gone: the goal of the delete.
    }
    return DeleteOutcome.DONE;
  }
}
