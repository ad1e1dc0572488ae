package io.ecsoperator.reconcilers.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FamilyRevisionsTest {

  private static final ResourceRef WEB = new ResourceRef("apps", "web", "uid-1");
  private static final String OTHER_OWNER = "apps/api";
  private static final Supplier<Set<String>> NOTHING_RUNS = Set::of;

  @Test
  void revisionsAreOrderedByNumberWhateverOrderAwsListedThem() {
    FamilyRevisions family =
        new FamilyRevisions(List.of(registered(10, "a"), registered(2, "b"), registered(9, "c")));

    assertThat(family.revisions())
        .extracting(TaggedRevision::revision)
        .containsExactly(2L, 9L, 10L);
    assertThat(family.newest()).map(TaggedRevision::revision).contains(10L);
  }

  @Test
  void theNewestOwnedRevisionIsTheCurrentOneWhenTheStatusIsLost() {
    FamilyRevisions family =
        new FamilyRevisions(
            List.of(
                registered(1, "a"), adopted(2), registered(3, "b"), otherOwners(4), unowned(5)));

    assertThat(family.newestOwnedBy(WEB)).map(TaggedRevision::revision).contains(3L);
    assertThat(family.ownershipFor(WEB)).isEqualTo(Ownership.OURS);
  }

  @Test
  void anAdoptedRevisionIsOwnedButNotRegisteredByTheObject() {
    FamilyRevisions family = new FamilyRevisions(List.of(registered(1, "a"), adopted(2)));

    assertThat(family.newestOwnedBy(WEB)).map(TaggedRevision::revision).contains(2L);
    assertThat(family.registeredBy(WEB)).extracting(TaggedRevision::revision).containsExactly(1L);
    assertThat(family.adoptedBy(WEB)).extracting(TaggedRevision::revision).containsExactly(2L);
  }

  @Test
  void aFamilyWithARevisionTaggedForAnotherObjectIsTheOthers() {
    FamilyRevisions family = new FamilyRevisions(List.of(unowned(1), otherOwners(2), unowned(3)));

    assertThat(family.ownershipFor(WEB)).isEqualTo(Ownership.OTHER);
    assertThat(family.newestOwnedBy(WEB)).isEmpty();
  }

  @Test
  void aFamilyOfUntaggedRevisionsIsUnowned() {
    FamilyRevisions family = new FamilyRevisions(List.of(unowned(1), unowned(2)));

    assertThat(family.ownershipFor(WEB)).isEqualTo(Ownership.UNOWNED);
    assertThat(family.newest()).map(TaggedRevision::revision).contains(2L);
  }

  @Test
  void theSameHashFindsTheRevisionThisObjectRegisteredLast() {
    FamilyRevisions family =
        new FamilyRevisions(
            List.of(
                registered(1, "h1"),
                registered(2, "h2"),
                registered(3, "h1"),
                withTags(
                    4,
                    Map.of(ResourceRef.OWNER_TAG, OTHER_OWNER, TaskDefinitionSpecHash.TAG, "h1"))));

    assertThat(family.lastRegisteredWithHash(WEB, "h1")).map(TaggedRevision::revision).contains(3L);
    assertThat(family.lastRegisteredWithHash(WEB, "h3")).isEmpty();
  }

  /**
   * A spec reverted to an earlier one is registered again rather than pointed back at its older
   * revision: ECS runs the family's newest ACTIVE revision for the bare family name (services,
   * run-task, scheduled tasks), which would otherwise stay the spec reverted from.
   */
  @Test
  void anOlderRevisionWithTheHashIsNotReused() {
    FamilyRevisions family = new FamilyRevisions(List.of(registered(1, "h1"), registered(2, "h2")));

    assertThat(family.lastRegisteredWithHash(WEB, "h1")).isEmpty();
  }

  @Test
  void anotherObjectsRevisionWithTheSameHashIsNotReused() {
    FamilyRevisions family =
        new FamilyRevisions(
            List.of(
                withTags(
                    1,
                    Map.of(ResourceRef.OWNER_TAG, OTHER_OWNER, TaskDefinitionSpecHash.TAG, "h"))));

    assertThat(family.lastRegisteredWithHash(WEB, "h")).isEmpty();
  }

  @Test
  void theHistoryKeepsTheCurrentAndTheLimitNewestOthers() {
    FamilyRevisions family = ownRevisions(1, 2, 3, 4, 5, 6);

    List<TaggedRevision> pruned = family.pastHistoryLimit(WEB, arn(6), 2, NOTHING_RUNS);

    assertThat(pruned).extracting(TaggedRevision::revision).containsExactly(1L, 2L, 3L);
  }

  @Test
  void theCurrentRevisionIsKeptEvenWhenItIsNotTheNewest() {
    FamilyRevisions family = ownRevisions(1, 2, 3, 4);

    List<TaggedRevision> pruned = family.pastHistoryLimit(WEB, arn(2), 1, NOTHING_RUNS);

    assertThat(pruned).extracting(TaggedRevision::revision).containsExactly(1L, 3L);
  }

  @Test
  void aLimitOfZeroKeepsOnlyTheCurrentRevision() {
    FamilyRevisions family = ownRevisions(1, 2, 3);

    assertThat(family.pastHistoryLimit(WEB, arn(3), 0, NOTHING_RUNS))
        .extracting(TaggedRevision::revision)
        .containsExactly(1L, 2L);
  }

  @Test
  void revisionsTheObjectDidNotRegisterAreNeverPruned() {
    FamilyRevisions family =
        new FamilyRevisions(
            List.of(
                unowned(1),
                otherOwners(2),
                adopted(3),
                withTags(4, Map.of(TaskDefinitionSpecHash.TAG, "h")),
                registered(5, "a"),
                registered(6, "b")));

    assertThat(family.pastHistoryLimit(WEB, arn(6), 0, NOTHING_RUNS))
        .extracting(TaggedRevision::revision)
        .containsExactly(5L);
  }

  @Test
  void theHistoryKnownFromTheStatusIsJudgedTheSameWay() {
    List<String> registered = List.of(arn(1), arn(2), arn(3), arn(4));

    assertThat(FamilyRevisions.pastLimit(registered, arn(4), 1, () -> Set.of(arn(1))))
        .containsExactly(arn(2));
    assertThat(FamilyRevisions.pastLimit(registered, arn(4), 3, NOTHING_RUNS)).isEmpty();
  }

  @Test
  void aRevisionAServiceRunsIsKeptPastTheLimit() {
    FamilyRevisions family = ownRevisions(1, 2, 3, 4);

    List<TaggedRevision> pruned = family.pastHistoryLimit(WEB, arn(4), 1, () -> Set.of(arn(2)));

    assertThat(pruned).extracting(TaggedRevision::revision).containsExactly(1L);
  }

  @Test
  void servicesAreAskedOnlyWhenARevisionIsPastTheLimit() {
    AtomicInteger asked = new AtomicInteger();
    Supplier<Set<String>> counting =
        () -> {
          asked.incrementAndGet();
          return Set.of();
        };

    assertThat(ownRevisions(1, 2, 3).pastHistoryLimit(WEB, arn(3), 2, counting)).isEmpty();
    assertThat(asked).hasValue(0);

    assertThat(ownRevisions(1, 2, 3).pastHistoryLimit(WEB, arn(3), 1, counting)).hasSize(1);
    assertThat(asked).hasValue(1);
  }

  private static FamilyRevisions ownRevisions(long... revisions) {
    List<TaggedRevision> list = new ArrayList<>();
    for (long revision : revisions) {
      list.add(registered(revision, "hash-" + revision));
    }
    return new FamilyRevisions(list);
  }

  private static TaggedRevision registered(long revision, String hash) {
    Map<String, String> tags = new HashMap<>(WEB.ownershipTags());
    tags.put(TaskDefinitionSpecHash.TAG, hash);
    return withTags(revision, tags);
  }

  private static TaggedRevision adopted(long revision) {
    return withTags(revision, WEB.ownershipTags());
  }

  private static TaggedRevision otherOwners(long revision) {
    return withTags(
        revision, Map.of(ResourceRef.OWNER_TAG, OTHER_OWNER, TaskDefinitionSpecHash.TAG, "x"));
  }

  private static TaggedRevision unowned(long revision) {
    return withTags(revision, Map.of("team", "web"));
  }

  private static TaggedRevision withTags(long revision, Map<String, String> tags) {
    return new TaggedRevision(arn(revision), revision, tags);
  }

  private static String arn(long revision) {
    return "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:" + revision;
  }
}
