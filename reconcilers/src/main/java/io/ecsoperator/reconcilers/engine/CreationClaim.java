package io.ecsoperator.reconcilers.engine;

import java.time.Instant;

/**
 * Ownership of an AWS resource that carries no tags (an ECR pull through cache rule or repository
 * creation template): the object owns the one creation of the resource that it made or adopted,
 * known by the creation time AWS reports, which the object keeps in its status. Any other creation
 * is {@link Ownership#UNOWNED}, so the engine's {@link Decision} stalls it as AlreadyExists until
 * {@code adopt: true}. The adapter claims on create and adopt; the models it returns hold the same
 * claim, so the status records what this very reconcile claimed.
 */
public final class CreationClaim {

  private volatile Instant claimed;

  /**
   * @param recorded the creation time the object's status keeps (ISO-8601), null when none
   */
  public CreationClaim(String recorded) {
    this.claimed = recorded == null ? null : Instant.parse(recorded);
  }

  public Ownership ownershipOf(Instant createdAt) {
    return owns(createdAt) ? Ownership.OURS : Ownership.UNOWNED;
  }

  public boolean owns(Instant createdAt) {
    return createdAt != null && createdAt.equals(claimed);
  }

  /** The object now owns the creation of this time (it created or adopted it). */
  public void claim(Instant createdAt) {
    claimed = createdAt;
  }

  /** The creation time for the status when the object owns it, else null. */
  public String recorded(Instant createdAt) {
    return owns(createdAt) ? createdAt.toString() : null;
  }
}
