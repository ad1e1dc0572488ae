package io.ecsoperator.reconcilers.taskdefinition;

import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Map;

/**
 * An ACTIVE revision of a family with its tags, as a scan of the family reads them.
 *
 * @param arn the revision's ARN
 * @param revision its number in the family
 * @param tags its tags in AWS
 */
public record TaggedRevision(String arn, long revision, Map<String, String> tags) {

  public TaggedRevision {
    tags = Map.copyOf(tags);
  }

  /** Tagged as this object's: registered by it, or adopted by it. */
  public boolean ownedBy(ResourceRef ref) {
    return ref.ownershipOf(tags).ours();
  }

  /** Tagged as this object's before its operator installation was recorded. */
  public boolean unmarked(ResourceRef ref) {
    return ref.ownershipOf(tags) == Ownership.OURS_UNMARKED;
  }

  /**
   * Registered by this object: its owner tag and the spec-hash tag the operator adds only when it
   * registers. A revision this object adopted carries the owner tag without a hash.
   */
  public boolean registeredBy(ResourceRef ref) {
    return ownedBy(ref) && specHash() != null;
  }

  public String specHash() {
    return tags.get(TaskDefinitionSpecHash.TAG);
  }
}
