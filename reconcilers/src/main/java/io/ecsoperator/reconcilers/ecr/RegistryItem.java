package io.ecsoperator.reconcilers.ecr;

import io.ecsoperator.reconcilers.engine.CreationClaim;
import java.time.Instant;

/**
 * The model of an ECR registry item that carries no tags (a pull through cache rule, a repository
 * creation template): one per prefix, owned by {@link CreationClaim}.
 */
public interface RegistryItem {

  /** When ECR created the item. */
  Instant createdAt();

  /** Which creation of the item the object owns. */
  CreationClaim claim();

  /** The creation time the status records: this item's when the object owns it, else null. */
  default String claimedCreatedAt() {
    return claim().recorded(createdAt());
  }
}
