package io.ecsoperator.reconcilers.taskdefinition;

import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ACTIVE revisions of one family with their tags, oldest first, and the choices the adapter
 * makes from them. Pure.
 */
public record FamilyRevisions(List<TaggedRevision> revisions) {

  public FamilyRevisions {
    revisions =
        revisions.stream().sorted(Comparator.comparingLong(TaggedRevision::revision)).toList();
  }

  public boolean isEmpty() {
    return revisions.isEmpty();
  }

  public Optional<TaggedRevision> newest() {
    return revisions.isEmpty()
        ? Optional.empty()
        : Optional.of(revisions.get(revisions.size() - 1));
  }

  /** The newest revision tagged as this object's: its current one when the status is lost. */
  public Optional<TaggedRevision> newestOwnedBy(ResourceRef ref) {
    return revisions.stream().filter(r -> r.ownedBy(ref)).reduce((older, newer) -> newer);
  }

  /**
   * Whose the family is: this object's when any revision is tagged as its own; another object's
   * when a revision is tagged for one (two objects never share a family); else unowned.
   */
  public Ownership ownershipFor(ResourceRef ref) {
    Optional<TaggedRevision> newest = newestOwnedBy(ref);
    if (newest.isPresent()) {
      // Adoption tags the current revision: once it is marked, the family is claimed.
      return newest.get().unmarked(ref) ? Ownership.OURS_UNMARKED : Ownership.OURS;
    }
    return revisions.stream().anyMatch(r -> r.tags().containsKey(ResourceRef.OWNER_TAG))
        ? Ownership.OTHER
        : Ownership.UNOWNED;
  }

  /** The revisions this object registered, oldest first. */
  public List<TaggedRevision> registeredBy(ResourceRef ref) {
    return revisions.stream().filter(r -> r.registeredBy(ref)).toList();
  }

  /**
   * The revisions this object adopted (tagged as its own without registering them), oldest first.
   */
  public List<TaggedRevision> adoptedBy(ResourceRef ref) {
    return revisions.stream().filter(r -> r.ownedBy(ref) && !r.registeredBy(ref)).toList();
  }

  /**
   * The revision this object registered last, when it was registered from a spec with this hash:
   * registering again would duplicate it (a crash or a lost response between the register and the
   * status write). An older revision with the hash, from a spec since reverted to, is not reused:
   * ECS runs the family's newest ACTIVE revision for the bare family name, so the revert is
   * registered again and becomes that revision.
   */
  public Optional<TaggedRevision> lastRegisteredWithHash(ResourceRef ref, String specHash) {
    List<TaggedRevision> registered = registeredBy(ref);
    return registered.isEmpty()
        ? Optional.empty()
        : Optional.of(registered.get(registered.size() - 1))
            .filter(last -> specHash.equals(last.specHash()));
  }

  /**
   * The revisions revisionHistoryLimit lets go: of the revisions this object registered, all but
   * the current one and the {@code limit} newest others, less those a service still runs. Revisions
   * it did not register (adopted, another owner's, unowned) are never among them.
   *
   * @param inUse revision ARNs services run; asked only when some revision is past the limit
   */
  public List<TaggedRevision> pastHistoryLimit(
      ResourceRef ref, String currentArn, int limit, Supplier<Set<String>> inUse) {
    List<TaggedRevision> registered = registeredBy(ref);
    Set<String> past =
        Set.copyOf(
            pastLimit(
                registered.stream().map(TaggedRevision::arn).toList(), currentArn, limit, inUse));
    return registered.stream().filter(r -> past.contains(r.arn())).toList();
  }

  /**
   * The same choice made from revision ARNs, e.g. those the object's status lists.
   *
   * @param registered ARNs of the revisions the object registered, oldest first
   */
  public static List<String> pastLimit(
      List<String> registered, String currentArn, int limit, Supplier<Set<String>> inUse) {
    List<String> others = registered.stream().filter(arn -> !arn.equals(currentArn)).toList();
    if (others.size() <= limit) {
      return List.of();
    }
    Set<String> running = inUse.get();
    return others.subList(0, others.size() - limit).stream()
        .filter(arn -> !running.contains(arn))
        .toList();
  }
}
